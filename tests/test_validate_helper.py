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
from retailkg.text import runtime
from retailkg.validation import helper
from retailkg.validation.census import census_of_ntriples
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
    without = render(validate_file(design), "json")
    kb = knowledge_base()
    ahead = helper.start(kb, force=True)
    assert ahead is not None
    with_helper = render(validate_file(design, kb=kb), "json")
    assert helper.taken(kb) is None  # the validation took it, and ended it
    assert not ahead.failed and _gone(ahead.helper.pid)
    assert with_helper == without


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
    assert runtime.fork_helper(lambda channel: None) is None  # the API, a test's CliRunner, serve
    assert helper.start(knowledge_base()) is None
    monkeypatch.setattr(runtime, "_ONE_SHOT", [True])
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert runtime.fork_helper(lambda channel: None) is None  # a fork beside a thread may deadlock
    finally:
        stop.set()
        t.join()


def test_a_helper_ends_when_its_channel_closes_and_close_reaps_it() -> None:
    def serve(channel: runtime.Channel) -> None:
        while True:
            is_object, body = channel.recv()
            channel.send((is_object, body))

    h = runtime.fork_helper(serve, force=True)
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
        from retailkg.text import runtime
        runtime.declare_one_shot()
        h = runtime.fork_helper(lambda channel: time.sleep(60))
        print(h.pid if h else 0, flush=True)
        time.sleep(60)
    """)
    parent = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    pid = int(parent.stdout.readline())
    assert pid > 0 and not _gone(pid)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while not _gone(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(pid)
