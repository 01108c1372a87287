"""A design's YAML scalars mean what YAML says they mean: a quoted one is always text, a plain one is
typed by YAML's core rules, however the reader shortcuts the tagging (it streams a chain's design)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from retailkg.design.yaml_reader import parse_yaml

LOOKS_TYPED = ["123", "1.5", "true", "no", "~", "null", "2020-01-01", "0x1F", ".inf", "<<", "="]


def _design(post_name: str, headcount: str = "1") -> str:
    return f"""organisation: {{id: acme, name: 某公司, baseline: "T/CCAGM 003-2021"}}
departments:
  - {{id: ops, name: 运营部}}
posts:
  - id: p1
    name: {post_name}
    department: ops
    headcount: {headcount}
    duties:
      - {{text: 负责店铺日常运营}}
"""


@pytest.mark.parametrize("text", LOOKS_TYPED)
@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_quoted_scalar_is_text_however_typed_it_looks(text: str, quote: str) -> None:
    design = parse_yaml(_design(f"{quote}{text}{quote}"), Path("d.yaml"))
    assert design.posts[0].name == text == yaml.safe_load(f"{quote}{text}{quote}")


def test_a_plain_scalar_is_typed_as_yaml_types_it() -> None:
    design = parse_yaml(_design("店长", headcount="3"), Path("d.yaml"))
    assert design.posts[0].headcount == 3
    for bad in ("true", "1.5", "2020-01-01"):  # typed by YAML, so not a whole number: refused, not read as text
        with pytest.raises(Exception, match="headcount"):
            parse_yaml(_design("店长", headcount=bad), Path("d.yaml"))
