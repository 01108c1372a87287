"""Progress bars: drawn on stderr for a person at a terminal, silent in pipes, logs and under --quiet."""

from __future__ import annotations

import errno
import fcntl
import io
import os
import pty
import struct
import subprocess
import sys
import termios
import unicodedata
from collections.abc import Callable, Iterator

import pytest

from retailkg.text import progress
from retailkg.text.progress import ENV

LABEL = "匹配职责 matching duties"

# What the pipeline does: a counted task, a stage, and a report on stdout.
SCRIPT = f"""
from retailkg.text import progress
with progress.task({LABEL!r}, total=500) as bar:
    for _ in range(500):
        bar.advance()
with progress.stage("reading design"):
    pass
print("report")
"""


@pytest.fixture(autouse=True)
def _defaults(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts from the defaults: auto mode, not quiet."""
    monkeypatch.delenv(ENV, raising=False)
    progress.set_quiet(False)
    yield
    progress.set_quiet(False)


def run_task(total: int = 40, label: str = LABEL) -> None:
    with progress.task(label, total=total) as bar:
        for _ in range(total):
            bar.advance()


# ------------------------------------------------------------------------------------------ when it draws


def test_quiet_when_stderr_is_not_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    run_task()
    with progress.stage("reading design"):
        pass
    assert capsys.readouterr() == ("", "")
    assert not progress.enabled()


def test_draws_on_stderr_when_forced(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "always")
    run_task()
    out, err = capsys.readouterr()
    assert out == "", "stdout carries reports, never bars"
    assert LABEL in err
    last = err.split("\r")[-1]
    assert "100%" in last and "40/40" in last and " done (" in last and last.endswith("\n")


def test_set_quiet_wins_over_always(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "always")
    progress.set_quiet(True)
    assert progress.is_quiet()
    run_task()
    assert capsys.readouterr() == ("", "")
    progress.set_quiet(False)
    run_task()
    assert "100%" in capsys.readouterr().err


@pytest.mark.parametrize(("value", "expected"), [("always", True), ("ALWAYS", True), ("never", False), ("auto", False),
                                                 ("", False), ("sometimes", False)])
def test_the_environment_forces_it_on_or_off(monkeypatch: pytest.MonkeyPatch, value: str, expected: bool) -> None:
    """Under pytest stderr is no terminal, so every value other than ``always`` means silent."""
    monkeypatch.setenv(ENV, value)
    assert progress.enabled() is expected


# ------------------------------------------------------------------------------------------ what it draws


def test_a_stage_says_its_label_then_done(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "always")
    with progress.stage("reading design"):
        pass
    err = capsys.readouterr().err
    assert err.startswith("\rreading design ...")
    assert err.split("\r")[-1].startswith("reading design ... done (") and err.endswith("\n")


def test_a_failing_step_ends_its_line_as_stopped(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "always")
    with pytest.raises(RuntimeError), progress.task("loading store", total=10) as bar:
        bar.advance(3)
        raise RuntimeError("bad row")
    last = capsys.readouterr().err.split("\r")[-1]
    assert last.endswith(" stopped\n") and "30% 3/10" in last and "done" not in last


def test_redraws_at_most_once_per_percent(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Advancing per item is cheap: 100,000 items give 0 %…100 % and the final line, no more."""
    monkeypatch.setenv(ENV, "always")
    run_task(total=100_000, label="rules")
    draws = capsys.readouterr().err.split("\r")[1:]
    assert len(draws) == 101 + 1
    assert [d.split("%")[0][-3:].strip() for d in draws[:-1]] == [str(p) for p in range(101)]


def test_track_yields_every_item_and_counts_them(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "always")
    assert list(progress.track(range(7), "rows")) == list(range(7))
    assert "100% 7/7 done" in capsys.readouterr().err


def test_a_stage_inside_a_task_gets_its_own_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "always")
    with progress.task("validate", total=2) as outer:
        outer.advance()
        with progress.stage("running rules"):
            pass
        outer.advance()
    lines = [line.split("\r")[-1] for line in capsys.readouterr().err.split("\n")]
    assert [line for line in lines if "done" in line] == [lines[1], lines[2]]
    assert lines[1].startswith("running rules ... done") and lines[2].startswith("validate [") and "100% 2/2 done" in lines[2]
    assert lines[0].split("\r")[-1].startswith("validate [") and "50% 1/2" in lines[0]


# ------------------------------------------------------------------------------------------ never raises


class Broken(io.StringIO):
    def write(self, s: str) -> int:
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")


@pytest.mark.parametrize("make", [lambda: Broken(), lambda: _closed()], ids=["broken-pipe", "closed"])
def test_a_failing_stderr_silences_the_bar_instead_of_raising(monkeypatch: pytest.MonkeyPatch, make: Callable[[], io.StringIO]) -> None:
    monkeypatch.setenv(ENV, "always")
    monkeypatch.setattr(sys, "stderr", make())
    with progress.task("loading store", total=5) as bar:
        for _ in range(5):
            bar.advance()
    with progress.stage("reading design"):
        pass
    assert not bar.active


def _closed() -> io.StringIO:
    s = io.StringIO()
    s.close()
    return s


def test_no_stderr_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, "always")
    monkeypatch.setattr(sys, "stderr", None)
    run_task()
    assert not progress.enabled()


# ------------------------------------------------------------------------------------------ a real terminal


def _width(text: str) -> int:
    """Terminal cells: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != ENV}
    return {**env, **extra}


def _run_on_pty(env: dict[str, str], columns: int = 200) -> tuple[str, str]:
    """Run SCRIPT with stderr on a pseudo-terminal of ``columns`` columns; (terminal text, stdout)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    stdout, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0
    return b"".join(chunks).decode("utf-8"), stdout.decode("utf-8")


def test_a_terminal_shows_the_bar_and_stdout_keeps_only_the_report() -> None:
    term, stdout = _run_on_pty(_env())
    assert stdout == "report\n"
    assert LABEL in term and "100% 500/500 done" in term and "reading design ... done" in term


def test_the_same_command_piped_shows_nothing() -> None:
    res = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=_env(), timeout=60, check=False)
    assert res.returncode == 0
    assert (res.stdout, res.stderr) == ("report\n", "")


def test_never_silences_a_terminal() -> None:
    term, stdout = _run_on_pty(_env(**{ENV: "never"}))
    assert (term, stdout) == ("", "report\n")


def test_a_narrow_terminal_gets_lines_that_do_not_wrap() -> None:
    """A wrapped line cannot be redrawn in place, so each drawing fits the terminal's width."""
    term, _ = _run_on_pty(_env(), columns=40)
    drawings = [d for line in term.split("\n") for d in line.split("\r") if d.strip()]
    assert drawings and all(_width(d.rstrip()) <= 39 for d in drawings), max(drawings, key=_width)
    assert any(" done (" in d for d in drawings)
