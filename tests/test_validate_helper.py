"""A one-shot `retailkg validate` may hand the matcher and the literal census to a forked helper
process (retailkg.validation.helper): what it answers must be what this process would compute,
the report must be byte for byte the same, a failed helper must change nothing, and a helper must
never outlive its parent.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from retailkg.design.matching import Matcher
from retailkg.design.readers import read_design
from retailkg.design.resolve import ASIDE, DROP, STORE, free_text_duties, resolve
from retailkg.kg.knowledge import knowledge_base
from retailkg.report.formats import render
from retailkg.text import fork, runtime
from retailkg.validation import helper
from retailkg.validation.census import census_of_ntriples
from retailkg.validation.findings import Severity
from retailkg.validation.pipeline import validate_file

REPO = Path(__file__).resolve().parents[1]
DESIGN = REPO / "examples" / "ecom-ops-centre.yaml"  # 53 free-text duties
WORKBOOK = REPO / "examples" / "acme-department-store.xlsx"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the helper needs os.fork")


def _gone(pid: int) -> bool:
    """The process has ended (reaped, or a zombie waiting for its new parent to reap it)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def test_the_helper_matches_each_free_text_duty_as_a_fresh_matcher_here_does() -> None:
    kb = knowledge_base()
    design = read_design(DESIGN)
    pairs = free_text_duties(design)
    ahead = helper.start(kb, force=True)
    assert ahead is not None
    try:
        elsewhere = ahead.matcher(design)
    finally:
        ahead.close()
    assert elsewhere is not None and not ahead.failed
    here = Matcher(kb)
    here.prepare(pairs)
    assert len(set(pairs)) > 5
    for text, post in pairs:
        got, want = elsewhere.match(text, post), here.match(text, post)
        assert got == want, text
        for fm in got.functions + got.candidates:  # the knowledge base's own statements, not copies
            assert fm.evidence is None or kb.duties[fm.evidence.iri] is fm.evidence


def test_the_helpers_census_is_the_census_of_the_same_chunks_here() -> None:
    kb = knowledge_base()
    resolved = resolve(read_design(DESIGN), kb)
    chunks = [c for s in (STORE, ASIDE, DROP) for c in resolved.rdf.chunks(s)]
    ahead = helper.start(kb, force=True)
    assert ahead is not None
    try:
        for c in chunks:
            ahead.census(c)
        found = ahead.censuses()
    finally:
        ahead.close()
    assert found == [census_of_ntriples(c) for c in chunks]
    assert any(c.integers for c in found)  # the design's typed literals were read


@pytest.mark.parametrize("design", [DESIGN, WORKBOOK], ids=["yaml", "xlsx"])
def test_a_report_made_with_the_helper_is_byte_for_byte_the_report_made_without(design: Path) -> None:
    without = validate_file(design)
    kb = knowledge_base()
    ahead = helper.start(kb, force=True)
    assert ahead is not None
    with_helper = validate_file(design, kb=kb)
    assert helper.taken(kb) is None  # the validation took it, and ended it
    assert not ahead.failed and _gone(ahead.helper.pid)
    for fmt in ("json", "html", "xlsx"):
        assert render(with_helper, fmt) == render(without, fmt), fmt


def test_a_helper_that_died_changes_nothing_but_who_does_the_work() -> None:
    without = render(validate_file(DESIGN), "json")
    kb = knowledge_base()
    ahead = helper.start(kb, force=True)
    assert ahead is not None
    os.kill(ahead.helper.pid, signal.SIGKILL)
    os.waitpid(ahead.helper.pid, 0)
    assert render(validate_file(DESIGN, kb=kb), "json") == without
    assert ahead.failed


def test_only_a_one_shot_process_with_no_other_thread_forks_a_helper(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runtime, "_ONE_SHOT", [False])
    assert fork.fork_helper(lambda channel: None) is None  # the API, a test's CliRunner, serve
    assert helper.start(knowledge_base()) is None
    monkeypatch.setattr(runtime, "_ONE_SHOT", [True])
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert fork.fork_helper(lambda channel: None) is None  # a fork beside a thread may deadlock
    finally:
        stop.set()
        t.join()


def test_a_helper_ends_when_its_channel_closes_and_close_reaps_it() -> None:
    def serve(channel: fork.Channel) -> None:
        while True:
            is_object, body = channel.recv()
            channel.send((is_object, body))

    h = fork.fork_helper(serve, force=True)
    assert h is not None
    h.channel.send(("ping", 1))
    assert h.channel.recv() == (True, (True, ("ping", 1)))  # an object comes back as the object it was
    h.channel.send_bytes(b"raw")
    assert h.channel.recv() == (True, (False, b"raw"))  # bytes come back as bytes, not pickled
    h.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(h.pid, 0)


def test_a_helper_never_outlives_a_parent_killed_outright(tmp_path: Path) -> None:
    script = textwrap.dedent("""
        import sys, time
        from retailkg.text import fork, runtime
        runtime.declare_one_shot()
        h = fork.fork_helper(lambda channel: time.sleep(60))
        print(h.pid if h else 0, flush=True)
        time.sleep(60)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    pid = int(parent.stdout.readline())
    assert pid > 0 and not _gone(pid)
    parent.kill()
    parent.wait()
    parent.stdout.close()
    deadline = time.monotonic() + 10
    while not _gone(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(pid)


# ---------------------------------------------------------------------------------------------
# Review (issue 18): robustness of the helper and equal results for every form of input
# ---------------------------------------------------------------------------------------------

PINNED = """\
organisation: {id: pinned, name: 固定职能店, baseline: T/CCAGM 003-2021}
departments:
  - {id: ops, name: 运营部}
posts:
  - id: director
    name: 运营总监
    department: ops
    duties:
      - text: "编制年度运营方案与预算"
        functions: [budgeting, business-planning]
      - text: "安排部门工作任务"
        functions: [work-allocation]
"""

NO_DUTIES = """\
organisation: {id: empty, name: 空店, baseline: T/CCAGM 003-2021}
departments:
  - {id: ops, name: 运营部}
posts:
  - {id: director, name: 运营总监, department: ops}
"""


class _Alarm(Exception):
    pass


@pytest.fixture
def no_hang() -> object:
    """A test that would hang without its fix fails after a minute instead."""
    def ring(signum: int, frame: object) -> None:
        raise _Alarm("the command hung on its helper")

    old = signal.signal(signal.SIGALRM, ring)
    signal.alarm(60)
    yield None
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _echo(channel: fork.Channel) -> None:
    while True:
        channel.send(channel.recv())


def _ahead_answering(answers: list[object]) -> helper.Ahead:
    """This process's side of a helper that answers each request with the next of ``answers``
    (pickled as they are): what a helper gone wrong could send."""
    def serve(channel: fork.Channel) -> None:
        for answer in answers:
            while not channel.recv()[0]:  # chunks: no answer
                pass
            channel.send(answer)
        channel.recv()

    h = fork.fork_helper(serve, force=True)
    assert h is not None
    return helper.Ahead(knowledge_base(), h)


@pytest.mark.parametrize("name", ["pinned.yaml", "no-duties.yaml", "csv", "documents"])
def test_every_form_of_input_gives_the_same_report_with_the_helper(name: str, tmp_path: Path) -> None:
    if name == "pinned.yaml":
        design = tmp_path / name
        design.write_text(PINNED, encoding="utf-8")
    elif name == "no-duties.yaml":
        design = tmp_path / name
        design.write_text(NO_DUTIES, encoding="utf-8")
    elif name == "csv":
        design = REPO / "tests" / "data" / "malformed" / "csv-with-bom" / "design"
    else:
        design = tmp_path / "docs"
        design.mkdir()
        (design / "cashier.docx").write_bytes((REPO / "tests" / "data" / "jobdocs" / "cashier.docx").read_bytes())
    without = validate_file(design)
    kb = knowledge_base()
    ahead = helper.start(kb, force=True)
    assert ahead is not None
    with_helper = validate_file(design, kb=kb)
    assert not ahead.failed and _gone(ahead.helper.pid)
    for fmt in ("json", "md", "html", "xlsx"):
        assert render(with_helper, fmt) == render(without, fmt), fmt


def test_the_helper_is_off_when_the_user_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(fork.NO_HELPER, "1")
    assert fork.fork_helper(_echo, force=True) is None
    assert helper.start(knowledge_base(), force=True) is None
    monkeypatch.setenv(fork.NO_HELPER, "0")  # "0" and "" leave it on
    h = fork.fork_helper(_echo, force=True)
    assert h is not None
    h.close()


def test_no_helper_is_forked_off_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")  # fork without exec is unsafe there, and no parent-death signal
    assert fork.fork_helper(_echo, force=True) is None


def test_a_helper_never_writes_to_the_commands_stdout_or_stderr(capfd: pytest.CaptureFixture[str]) -> None:
    def serve(channel: fork.Channel) -> None:
        print("from the helper", flush=True)
        print("from the helper", file=sys.stderr, flush=True)
        os.write(1, b"from the helper\n")
        os.write(2, b"from the helper\n")
        _echo(channel)

    h = fork.fork_helper(serve, force=True)
    assert h is not None
    try:
        h.channel.send("done?")
        assert h.channel.recv() == (True, (True, "done?"))
        assert [os.readlink(f"/proc/{h.pid}/fd/{fd}") for fd in (0, 1, 2)] == [os.devnull] * 3  # no pipe of ours held
    finally:
        h.close()
    out, err = capfd.readouterr()
    assert "from the helper" not in out + err


def test_ctrl_c_is_the_commands_to_handle_not_the_helpers() -> None:
    h = fork.fork_helper(_echo, force=True)
    assert h is not None
    try:
        h.channel.send("ready?")
        assert h.channel.recv() == (True, (True, "ready?"))  # in its loop, waiting on the channel
        os.kill(h.pid, signal.SIGINT)  # the terminal sends Ctrl-C to the whole process group
        time.sleep(0.2)
        h.channel.send("still there")
        assert h.channel.recv() == (True, (True, "still there"))  # it ends when the command does, by its exit
    finally:
        h.close()
    assert _gone(h.pid)


def test_a_hung_helper_costs_a_wait_and_changes_nothing(monkeypatch: pytest.MonkeyPatch, no_hang: object) -> None:
    without = render(validate_file(DESIGN), "json")
    monkeypatch.setattr(helper, "WAIT_SECONDS", 2.0)
    kb = knowledge_base()
    ahead = helper.start(kb, force=True)
    assert ahead is not None
    os.kill(ahead.helper.pid, signal.SIGSTOP)  # alive, never answering
    assert render(validate_file(DESIGN, kb=kb), "json") == without
    assert ahead.failed and _gone(ahead.helper.pid)


@pytest.mark.parametrize("answer", [{}, "garbage", None, {("x", "y"): "not a match"}], ids=["empty", "str", "none", "wrong"])
def test_matches_a_helper_did_not_make_are_refused(answer: object) -> None:
    design = read_design(DESIGN)
    ahead = _ahead_answering([answer])
    try:
        assert ahead.matcher(design) is None
        assert ahead.failed and _gone(ahead.helper.pid)
    finally:
        ahead.close()


@pytest.mark.parametrize("answer", [[], "garbage", [None]], ids=["none-back", "str", "not-a-census"])
def test_censuses_a_helper_did_not_take_are_refused(answer: object) -> None:
    ahead = _ahead_answering([answer])
    try:
        ahead.census(b"<urn:a> <urn:b> \"1\"^^<http://www.w3.org/2001/XMLSchema#int> .\n")
        assert ahead.censuses() is None
        assert ahead.failed
    finally:
        ahead.close()


def test_bytes_that_are_no_message_are_refused() -> None:
    def serve(channel: fork.Channel) -> None:
        channel.recv()
        channel.sock.sendall(b"P" + (5).to_bytes(8, "little") + b"\x80\x05junk")  # framed, not a pickle
        channel.recv()

    h = fork.fork_helper(serve, force=True)
    assert h is not None
    ahead = helper.Ahead(knowledge_base(), h)
    try:
        assert ahead.matcher(read_design(DESIGN)) is None
        assert ahead.failed
    finally:
        ahead.close()


RETAILKG = Path(sys.executable).with_name("retailkg")  # the console script: a one-shot process, the helper's only user

BAD_REFERENCE = """\
organisation: {id: bad, name: 坏店, baseline: T/CCAGM 003-2021}
departments:
  - {id: ops, name: 运营部}
posts:
  - id: director
    name: 运营总监
    department: ops
    duties:
      - text: "安排部门工作任务,并总结部门工作中遇到的问题并及时解决"
      - standard: "T/CCAGM 003-2021 9.9.9"
"""


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (FileNotFoundError, ProcessLookupError):
                continue
    return found


def _exit_code_of(design: Path) -> int:
    """The command's exit code for ``design`` by its default --fail-on, made in this process."""
    return 1 if validate_file(design).fails(Severity("violation")) else 0


def _run_until_helper(args: list[str], env: dict[str, str] | None = None) -> tuple[subprocess.Popen[str], int]:
    """Start the console script in its own process group, and wait for its helper to be forked."""
    proc = subprocess.Popen([str(RETAILKG), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, env=env)
    deadline = time.monotonic() + 60
    while not (kids := _children(proc.pid)) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert kids, "no helper was forked"
    return proc, kids[0]


@pytest.mark.skipif(not RETAILKG.exists() or not sys.platform.startswith("linux"), reason="the console script, on Linux")
@pytest.mark.parametrize("after", [0.0, 1.0, 3.0])
def test_ctrl_c_at_any_moment_exits_130_with_one_line_and_no_helper_left(after: float, tmp_path: Path) -> None:
    proc, pid = _run_until_helper(["validate", str(DESIGN), "--format", "json", "-o", str(tmp_path / "r.json")])
    time.sleep(after)
    os.killpg(proc.pid, signal.SIGINT)  # a terminal's Ctrl-C: the whole foreground group
    out, err = proc.communicate(timeout=60)
    if proc.returncode == 130:  # else it had finished before the Ctrl-C
        assert err.strip().splitlines()[-1] == "retailkg: interrupted" and "Traceback" not in err
        assert not (tmp_path / "r.json").exists()
    else:
        assert proc.returncode == _exit_code_of(DESIGN)
    assert out == "" and _gone(pid)


@pytest.mark.skipif(not RETAILKG.exists() or not sys.platform.startswith("linux"), reason="the console script, on Linux")
def test_a_bad_design_is_one_line_and_exit_2_with_the_helper_gone(tmp_path: Path) -> None:
    design = tmp_path / "bad.yaml"
    design.write_text(BAD_REFERENCE, encoding="utf-8")
    proc, pid = _run_until_helper(["validate", str(design), "--format", "json", "-o", str(tmp_path / "r.json")])
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 2 and out == ""
    assert err.splitlines() == [f"retailkg: error: {design}:10: [standard] no duty '9.9.9' in T/CCAGM 003-2021"]
    assert _gone(pid) and not (tmp_path / "r.json").exists()


@pytest.mark.skipif(not RETAILKG.exists(), reason="the console script")
def test_retailkg_no_helper_keeps_the_command_in_one_process(tmp_path: Path) -> None:
    env = {**os.environ, fork.NO_HELPER: "1"}
    proc = subprocess.Popen([str(RETAILKG), "validate", str(DESIGN), "--format", "json", "-o", str(tmp_path / "r.json")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    seen: set[int] = set()
    while proc.poll() is None:
        seen.update(_children(proc.pid))
        time.sleep(0.02)
    proc.communicate()  # closes the pipes
    assert proc.returncode == _exit_code_of(DESIGN) and not seen
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == render(validate_file(DESIGN), "json")


def test_a_validation_with_no_free_text_duty_and_the_fork_itself_load_no_numpy(tmp_path: Path) -> None:
    """The matcher (numpy, scipy, and BLAS's threads) is loaded only where duties are matched: not by
    importing the validation, not for a design whose functions are all given, and not before the
    helper is forked (a process is forked with its one thread)."""
    design = tmp_path / "pinned.yaml"
    design.write_text(PINNED, encoding="utf-8")
    code = textwrap.dedent(f"""
        import os, sys
        from pathlib import Path
        import retailkg.cli.validate
        from retailkg.kg.knowledge import knowledge_base
        from retailkg.text import runtime
        from retailkg.validation import helper
        from retailkg.validation.pipeline import validate_file
        runtime.declare_one_shot()
        kb = knowledge_base()
        threads = len(os.listdir("/proc/self/task"))
        ahead = helper.start(kb)
        print(threads, ahead is not None, "numpy" in sys.modules)
        validate_file(Path({str(design)!r}), kb=kb)
        print("numpy" in sys.modules or "scipy" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["1", "True", "False", "False"]


def test_a_ctrl_c_during_the_fork_still_leaves_the_helper_to_be_ended_at_exit() -> None:
    script = textwrap.dedent("""
        import atexit, os, signal, time
        from retailkg.text import runtime
        from retailkg.text.fork import fork_helper
        runtime.declare_one_shot()
        forked = []
        real_fork = os.fork

        def forking():
            pid = real_fork()
            if pid:
                forked.append(pid)
                os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C while the fork returns
            return pid

        os.fork = forking
        try:
            fork_helper(lambda channel: time.sleep(60))
        except KeyboardInterrupt:
            pass
        atexit._run_exitfuncs()  # what the command's exit runs
        try:
            os.waitpid(forked[0], os.WNOHANG)
            print("left")
        except ChildProcessError:
            print("reaped")
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60).stdout
    assert out.split() == ["reaped"]
