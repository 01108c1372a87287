"""Queries in processes that can be killed: the time limit of ``retailkg serve`` that really stops a query.

pyoxigraph cannot interrupt an evaluation from Python: a step that yields nothing until it is done
(ORDER BY, GROUP BY, an aggregate over a cross product) runs to its end in whatever thread started
it, whatever the client or the time limit say. A process can be killed. So the server forks one
*zygote* at start, while it is still single-threaded, holding the store (the pages are shared
copy-on-write, not copied); for each query the zygote forks a child that evaluates it and sends the
answer back over a socket of its own; the server kills that child when the time limit passes or
the client goes away. Forking from the zygote (one thread, never running a query itself) rather
than from the threaded server keeps fork safe: no lock can be held by a thread that does not exist
in the child.

The answer comes as the same messages the in-thread worker puts on its queue — ``("select",
names)`` or ``("graph", None)`` first, then ``("rows", batch)``, then ``("end", None)``; or
``("ask", bool)``, ``("syntax", message)``, ``("error", message)`` — each pickled with a length
prefix. Only the server reads them, from a socket it made: nothing from the network is unpickled.
"""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import signal
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

__all__ = ["Child", "Zygote", "available"]

_LEN = struct.Struct("!I")
BATCH = 500


def available() -> bool:
    """Whether queries can run in processes here (a POSIX system with fork and descriptor passing)."""
    return hasattr(os, "fork") and hasattr(socket, "send_fds") and sys.platform != "darwin"


def _send(sock: socket.socket, message: Any) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    sock.sendall(_LEN.pack(len(data)) + data)


def _recv_exact(sock: socket.socket, n: int) -> bytes | None:
    parts = []
    while n:
        chunk = sock.recv(min(n, 1 << 20))
        if not chunk:
            return None
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


def _recv(sock: socket.socket) -> Any:
    head = _recv_exact(sock, _LEN.size)
    if head is None:
        raise EOFError
    body = _recv_exact(sock, _LEN.unpack(head)[0])
    if body is None:
        raise EOFError
    return pickle.loads(body)  # written by our own child, over a socketpair this process made


@dataclass(frozen=True)
class Request:
    """What a child needs to answer one query: the text, the dataset (graph IRIs) and the row cap."""

    text: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    cap: int | None = None

    def dataset(self) -> dict[str, Any]:
        if not self.default_graphs and not self.named_graphs:
            return {"use_default_graph_as_union": True}
        return {"default_graph": [ox.NamedNode(g) for g in self.default_graphs] or ox.DefaultGraph(),
                "named_graphs": [ox.NamedNode(g) for g in self.named_graphs]}


def answer(store: ox.Store, request: Request, emit: Callable[[tuple[str, Any]], None]) -> None:
    """Evaluate ``request`` on ``store`` and emit its messages; used in the child, and testable in-process."""
    try:
        res = store.query(request.text, **request.dataset())
    except SyntaxError as e:
        emit(("syntax", str(e)))
        return
    except Exception as e:
        emit(("error", f"{type(e).__name__}: {e}"))
        return
    try:
        if isinstance(res, ox.QueryBoolean):
            emit(("ask", bool(res)))
            return
        select = isinstance(res, ox.QuerySolutions)
        emit(("select", [v.value for v in res.variables]) if isinstance(res, ox.QuerySolutions) else ("graph", None))
        batch: list[Any] = []
        flushed = time.monotonic()
        for n, item in enumerate(res, 1):
            batch.append(tuple(item) if select else item)
            if select and request.cap is not None and n >= request.cap:
                break
            if len(batch) >= BATCH or time.monotonic() - flushed > 0.05:
                emit(("rows", batch))
                batch, flushed = [], time.monotonic()
        if batch:
            emit(("rows", batch))
        emit(("end", None))
    except Exception as e:
        emit(("error", f"{type(e).__name__}: {e}"))


class Child:
    """One query's process: its messages in order, and a way to stop it at once."""

    def __init__(self, pid: int, sock: socket.socket) -> None:
        self.pid = pid
        self.sock = sock
        self._killed = False

    def messages(self, deadline: float) -> Iterator[tuple[str, Any]]:
        """The child's messages until it ends; TimeoutError at ``deadline``, EOFError if it died."""
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            self.sock.settimeout(remaining)
            try:
                message = _recv(self.sock)
            except TimeoutError:
                raise TimeoutError from None
            yield message
            if message[0] in ("end", "ask", "syntax", "error"):
                return

    def kill(self) -> None:
        """Stop the child now, whatever it is doing (SIGKILL: an evaluation in Rust does not look at signals)."""
        if not self._killed:
            self._killed = True
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        self.sock.close()


class Zygote:
    """The process that holds the store and forks one child per query. Make it before starting threads."""

    def __init__(self, store: ox.Store) -> None:
        parent, child = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        pid = os.fork()
        if pid == 0:  # the zygote
            parent.close()
            code = 0
            try:
                _zygote_loop(child, store)
            except BaseException:
                code = 1
            os._exit(code)
        child.close()
        self.pid = pid
        self._control = parent
        self._lock = threading.Lock()

    def start(self, request: Request) -> Child:
        """Fork a child that answers ``request``; its answer comes through a socket of its own."""
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            data = pickle.dumps(request)
            with self._lock:
                socket.send_fds(self._control, [_LEN.pack(len(data)) + data], [theirs.fileno()])
                head = _recv_exact(self._control, _LEN.size)
                if head is None:
                    raise RuntimeError("the query process ended")
                (pid,) = _LEN.unpack(head)
        except BaseException:
            mine.close()
            raise
        finally:
            theirs.close()
        return Child(pid, mine)

    def close(self) -> None:
        """Stop the zygote (its children are killed by their own servers, or end with their queries)."""
        try:
            self._control.close()
        finally:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass


def _zygote_loop(control: socket.socket, store: ox.Store) -> None:
    """In the zygote: for each request, fork a child on the descriptor it came with; say the child's pid."""
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle; it closes us
    while True:
        head, fds, _flags, _addr = socket.recv_fds(control, _LEN.size, 1)
        if not head:
            return  # the server closed the control socket: done
        while len(head) < _LEN.size:
            more = control.recv(_LEN.size - len(head))
            if not more:
                return
            head += more
        body = _recv_exact(control, _LEN.unpack(head)[0])
        if body is None or not fds:
            return
        request: Request = pickle.loads(body)  # from the server over our own socketpair
        pid = os.fork()
        if pid == 0:  # the child: answer, then leave without running any cleanup of the server
            control.close()
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            out = socket.socket(fileno=fds[0])
            code = 0
            try:
                answer(store, request, functools.partial(_send, out))
            except BaseException:
                code = 1
            finally:
                try:
                    out.close()
                finally:
                    os._exit(code)
        os.close(fds[0])
        control.sendall(_LEN.pack(pid))
