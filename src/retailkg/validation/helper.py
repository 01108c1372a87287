"""Work of a one-shot ``retailkg validate`` done in a helper process beside it.

On two cores, a chain's validation is bounded by its main thread's Python work, done one step after
the other under the interpreter's lock (bench/RESULTS.md, "large"): a thread cannot take any of it,
another process can. Two pieces of it have their input ready early and a small answer:

- **the matcher**: loading the model, the corpus and jieba's dictionary needs only the knowledge
  base, so the helper does it while this process reads the design; it then matches the design's
  distinct free-text duties, exactly as :func:`~retailkg.design.matching.matcher_for` would here
  (the same code on the same data: a fresh matcher's one batch), and sends back each pair's match;
- **the literal census** of the resolved N-Triples (:mod:`retailkg.validation.census`): each chunk
  is sent to the helper as resolution writes it (from the loader's thread), and the censuses come
  back at the end, a few predicates each.

The knowledge base's statements in a match are sent by their IRI and taken from this process's own
knowledge base on arrival, so a match refers to the same objects as one made here. Whatever fails
(no ``fork``, another thread already running, the helper gone) is done here instead, as before;
the helper is started only by the console script's ``retailkg validate``
(:func:`~retailkg.text.fork.fork_helper` needs a process declared one-shot), never by the API,
a test's CliRunner or ``serve``.
"""

from __future__ import annotations

import pickle
import queue
import threading
from typing import TYPE_CHECKING, Any

from retailkg.design.model import OrgDesign
from retailkg.design.resolve import free_text_duties
from retailkg.kg.knowledge import KnowledgeBase, StatementInfo
from retailkg.text.fork import Channel, Helper, fork_helper
from retailkg.validation.census import LiteralCensus, census_of_ntriples

if TYPE_CHECKING:  # the matcher pulls in numpy and scipy: imported here only when matches arrive, after the fork
    from retailkg.design.matching import DutyMatcher

__all__ = ["WAIT_SECONDS", "Ahead", "start", "taken"]

WAIT_SECONDS = 60.0
"""The longest this process waits on the helper for one message (to send or to receive): far above
what a national chain's matches and censuses take (bench/RESULTS.md, "large"), so only a helper that
hangs (stopped, deadlocked) reaches it, and its work is then done here."""

_STARTED: list[Ahead] = []

_MATCH, _CENSUS = "match", "census"


def _picklers(kb: KnowledgeBase) -> tuple[type[pickle.Pickler], type[pickle.Unpickler]]:
    """A pickler that writes a knowledge-base statement as its IRI, and the unpickler that reads it
    back as this process's statement of that IRI."""
    keys: dict[int, Any] = {}

    class Out(pickle.Pickler):
        def persistent_id(self, obj: Any) -> Any:
            if type(obj) is StatementInfo:
                if not keys:
                    keys.update((id(s), iri) for iri, s in kb.duties.items())
                iri = keys.get(id(obj))
                if iri is not None and kb.duties.get(iri) is obj:
                    return iri
            return None

    class In(pickle.Unpickler):
        def persistent_load(self, pid: Any) -> Any:
            return kb.duties[pid]

    return Out, In


def _serve(kb: KnowledgeBase, channel: Channel) -> None:
    """The helper's side: load the matcher at once, then answer requests until the channel ends."""
    inbox: queue.SimpleQueue[tuple[bool, Any] | None] = queue.SimpleQueue()

    def read() -> None:  # chunks are taken as fast as they come: the sender never waits for a census
        try:
            while True:
                inbox.put(channel.recv())
        except (EOFError, OSError):
            inbox.put(None)

    threading.Thread(target=read, daemon=True).start()
    from retailkg.design.classifier import words
    from retailkg.design.matching import matcher_for

    matcher = matcher_for(kb)
    words("")  # jieba's dictionary, loaded now rather than in the first batch
    censuses: list[LiteralCensus] = []
    while (message := inbox.get()) is not None:
        is_object, body = message
        if not is_object:
            censuses.append(census_of_ntriples(body))
        elif body[0] == _MATCH:
            pairs = body[1]
            matcher.prepare(pairs)
            channel.send({pair: matcher.match(*pair) for pair in dict.fromkeys(pairs)})
        elif body[0] == _CENSUS:
            channel.send(censuses)
            censuses = []


class Ahead:
    """This process's side of the helper: ask it for a design's matches, hand it chunks, take the
    censuses back. Every method answers ``None`` (or does nothing) once the helper has failed: the
    caller then does the work itself."""

    def __init__(self, kb: KnowledgeBase, helper: Helper, wait: float | None = None) -> None:
        self.kb = kb
        self.helper = helper
        self.failed = False
        self._asked: OrgDesign | None = None
        self._pairs: list[tuple[str, str]] = []
        self._chunks = 0  # handed over for their census: as many censuses must come back
        helper.channel.sock.settimeout(WAIT_SECONDS if wait is None else wait)  # a hung helper costs a wait, never the command

    def ask(self, design: OrgDesign) -> None:
        """Ask the helper to match ``design``'s free-text duties now (as soon as the design is read),
        to be taken by :meth:`matcher` once this process needs them."""
        if self._asked is not None or self.failed:
            return
        pairs = free_text_duties(design)
        if not pairs:
            return
        try:
            self.helper.channel.send((_MATCH, pairs))
        except OSError:
            self._fail()
            return
        self._asked, self._pairs = design, pairs

    def matcher(self, design: OrgDesign) -> DutyMatcher | None:
        """The matches of ``design``'s free-text duties, made by the helper (``None``: none to make,
        or the helper failed)."""
        if self._asked is not design:
            self.ask(design)
        if self._asked is not design or self.failed:
            return None
        from retailkg.design.matching import Match, MatchedElsewhere

        try:
            is_object, answers = self.helper.channel.recv()
        except Exception:  # gone, timed out, or garbage that does not unpickle: whatever it is, it is done here
            self._fail()
            return None
        if not (is_object and isinstance(answers, dict) and all(type(answers.get(p)) is Match for p in self._pairs)):
            self._fail()  # an answer missing or not a match: not the helper's own code speaking
            return None
        return MatchedElsewhere(self.kb, answers)

    def census(self, chunk: bytes) -> None:
        """Hand one chunk of N-Triples to the helper for its census (from any thread)."""
        if self.failed:
            return
        try:
            self.helper.channel.send_bytes(chunk)
        except OSError:
            self._fail()
        else:
            self._chunks += 1

    def censuses(self) -> list[LiteralCensus] | None:
        """The censuses of every chunk handed over, or ``None`` if any may be missing."""
        if self.failed:
            return None
        try:
            self.helper.channel.send((_CENSUS,))
            is_object, found = self.helper.channel.recv()
        except Exception:  # gone, timed out, or garbage that does not unpickle
            self._fail()
            return None
        if not (is_object and isinstance(found, list) and len(found) == self._chunks
                and all(type(c) is LiteralCensus for c in found)):
            self._fail()  # a census missing or not a census
            return None
        return found

    def _fail(self) -> None:
        self.failed = True
        self.close()

    def close(self) -> None:
        """End the helper (it is done, or failed); it is no longer there to be taken."""
        if self in _STARTED:
            _STARTED.remove(self)
        self.helper.close()


def start(kb: KnowledgeBase, force: bool = False) -> Ahead | None:
    """Fork the helper for ``kb`` (in a one-shot process only: ``force`` is for tests), to be
    taken by the validation (:func:`taken`); ``None`` where no helper can be forked."""
    out, into = _picklers(kb)
    helper = fork_helper(lambda channel: _serve(kb, channel), out, into, force=force)
    if helper is None:
        return None
    ahead = Ahead(kb, helper)
    _STARTED.append(ahead)
    return ahead


def taken(kb: KnowledgeBase) -> Ahead | None:
    """The helper started for ``kb``, handed over once (another knowledge base's is ended)."""
    while _STARTED:
        ahead = _STARTED.pop()
        if ahead.kb is kb and not ahead.failed:
            return ahead
        ahead.close()
    return None
