"""Building a report pauses Python's cyclic garbage collector and restores it afterwards.

The collector would scan every live object again and again while a chain's report builds its
hundreds of thousands of acyclic objects (about 1 s of a 1M-triple report); reference counting
frees them anyway. The pause must never leak: the collector is on again after the call, also after
an error, and stays off if the caller had turned it off.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from retailkg.errors import InputError
from retailkg.report.formats import FORMATS, render
from retailkg.text.runtime import paused_gc
from retailkg.validation.pipeline import validate_file

REPO = Path(__file__).resolve().parents[1]
DESIGN = REPO / "examples" / "taobao-ops.yaml"


def test_the_collector_is_off_while_validating_and_rendering(monkeypatch: pytest.MonkeyPatch) -> None:
    """Probed from inside: reading the design, naming the rules' results, and each renderer."""
    import retailkg.report.formats as report_module
    import retailkg.validation.pipeline as validate_module

    seen: dict[str, bool] = {}

    def probe(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            seen[name] = gc.isenabled()
            return fn(*args, **kwargs)
        return wrapped

    import retailkg.design.readers as orgdesign_module

    monkeypatch.setattr(orgdesign_module, "parse_yaml", probe("reading", orgdesign_module.parse_yaml))
    monkeypatch.setattr(validate_module, "name_findings", probe("naming", validate_module.name_findings))
    for fmt, fn in list(FORMATS.items()):
        monkeypatch.setitem(report_module.FORMATS, fmt, probe(fmt, fn))
    report = validate_file(DESIGN)
    assert gc.isenabled()
    for fmt in FORMATS:
        render(report, fmt)
    assert seen == {"reading": False, "naming": False, **{fmt: False for fmt in FORMATS}}
    assert gc.isenabled()


@pytest.mark.parametrize("call", [lambda: validate_file(REPO / "no-such-design.yaml"), lambda: render(None, "md")],  # type: ignore[arg-type]
                         ids=["bad input", "bad report"])
def test_an_error_restores_the_collector(call: Callable[[], object]) -> None:
    with pytest.raises((InputError, AttributeError)):
        call()
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off() -> None:
    gc.disable()
    try:
        with paused_gc():
            pass
        validate_file(DESIGN)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_nested_pauses_restore_once_at_the_outermost() -> None:
    with paused_gc():
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_validate_in_process_leaves_the_collector_on() -> None:
    """A test's CliRunner, a notebook or a server is not a process that ends with the command."""
    from click.testing import CliRunner

    from retailkg.cli import cli

    result = CliRunner().invoke(cli, ["validate", str(DESIGN), "--format", "json", "--quiet"])
    assert result.exit_code in (0, 1), result.output
    assert gc.isenabled()


def test_validate_in_its_own_process_turns_the_collector_off_until_exit(tmp_path: Path) -> None:
    """The console script declares the process one-shot: validate then leaves cycles to the exit
    (probed from inside the command, after it has rendered the report)."""
    import subprocess
    import sys

    probe = tmp_path / "probe.py"
    probe.write_text(
        "import gc, sys\n"
        "import retailkg.cli.validate as v\n"
        "from retailkg.cli import main\n"
        "real = v._write\n"
        "def write(pieces, out):\n"
        "    real(pieces, out)\n"
        "    sys.stderr.write(f'collector on: {gc.isenabled()}\\n')\n"
        "v._write = write\n"
        "sys.argv = ['retailkg', *sys.argv[1:]]\n"
        "main()\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, str(probe), "validate", str(DESIGN), "-o", str(tmp_path / "r.json"), "--quiet"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    assert "collector on: False" in proc.stderr
    assert (tmp_path / "r.json").stat().st_size > 0


def test_only_a_declared_one_shot_process_turns_the_collector_off(monkeypatch: pytest.MonkeyPatch) -> None:
    from retailkg.text import runtime

    monkeypatch.setattr(runtime, "_ONE_SHOT", [False])
    runtime.collector_off_until_exit()
    assert gc.isenabled()
    runtime.declare_one_shot()
    try:
        runtime.collector_off_until_exit()
        assert not gc.isenabled()
    finally:
        gc.enable()
