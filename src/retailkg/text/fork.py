"""Fork a helper process beside a one-shot command, and talk to it over a socket pair.

A one-shot command may fork a helper for Python work whose input is ready early and whose answer
is small: under the interpreter's lock a thread cannot run Python beside the main thread, a process
can (retailkg.validation.helper). What makes it safe to do in a user's command lives here: only on
Linux, only with no other Python thread, never where the user turned it off (:data:`NO_HELPER`),
never writing to the command's terminal, never taking the command's Ctrl-C, and always ended and
reaped with the command.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import os
import pickle
import signal
import socket
import struct
import sys
import threading
from collections.abc import Callable
from typing import Any

from retailkg.text.runtime import is_one_shot

__all__ = ["NO_HELPER", "Channel", "Helper", "fork_helper", "helpers_allowed"]

NO_HELPER = "RETAILKG_NO_HELPER"
"""The environment variable that, set to anything but empty or ``0``, keeps every command in one
process: a user debugging a run (a debugger, a profiler, ``strace``) sees all the work where it runs."""

_HEADER = struct.Struct("<cQ")
_OBJECT, _BYTES = b"P", b"B"


class Channel:
    """One end of a socket pair between a process and the helper it forked: whole messages, each a
    pickled object or raw bytes (a chunk of N-Triples is sent as it is, not pickled).

    ``pickler``/``unpickler``: the classes that write and read the objects (a caller's own, to send
    references to what both processes hold, such as the knowledge base's statements, by key)."""

    def __init__(self, sock: socket.socket, pickler: type[pickle.Pickler] = pickle.Pickler,
                 unpickler: type[pickle.Unpickler] = pickle.Unpickler) -> None:
        self.sock = sock
        self.pickler, self.unpickler = pickler, unpickler
        self._lock = threading.Lock()  # sends from two threads never interleave

    def send(self, obj: object) -> None:
        """Send ``obj`` pickled (the caller's pickler), whole; OSError when the other end is gone or, with
        a timeout set on the socket, does not read in time."""
        buf = io.BytesIO()
        self.pickler(buf, protocol=pickle.HIGHEST_PROTOCOL).dump(obj)
        self._send(_OBJECT, buf.getbuffer())

    def send_bytes(self, data: bytes) -> None:
        """Send raw bytes, whole: a chunk of N-Triples needs no pickling on either side."""
        self._send(_BYTES, data)

    def _send(self, kind: bytes, data: bytes | memoryview) -> None:
        with self._lock:
            self.sock.sendall(_HEADER.pack(kind, len(data)))
            self.sock.sendall(data)

    def recv(self) -> tuple[bool, Any]:
        """The next message: (True, the object) or (False, the bytes); EOFError when the other end is gone."""
        kind, size = _HEADER.unpack(self._exactly(_HEADER.size))
        data = self._exactly(size)
        if kind == _BYTES:
            return False, bytes(data)
        return True, self.unpickler(io.BytesIO(data)).load()

    def _exactly(self, size: int) -> bytearray:
        buf = bytearray(size)
        view = memoryview(buf)
        got = 0
        while got < size:
            n = self.sock.recv_into(view[got:])
            if n == 0:
                raise EOFError("the other process closed the channel")
            got += n
        return buf

    def close(self) -> None:
        """Shut the socket down before closing it: a send blocked in another thread returns at once,
        and no later call can reach a file descriptor number the process has reused."""
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()


class Helper:
    """A process forked to work beside a one-shot command (:func:`fork_helper`): its channel, and
    :meth:`close`, which ends it and reaps it (also at exit, whatever way the command ends)."""

    def __init__(self, pid: int, channel: Channel) -> None:
        self.pid = pid
        self.channel = channel
        self._closed = False
        atexit.register(self.close)

    def close(self) -> None:
        """Close the channel (the helper ends on reading its end), stop the helper if it is still
        working, and wait for it: it never outlives the command nor stays a zombie."""
        if self._closed:
            return
        self._closed = True
        atexit.unregister(self.close)
        self.channel.close()
        with contextlib.suppress(ProcessLookupError, ChildProcessError):
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)


def _die_with_parent() -> None:
    """Linux: the kernel ends this process when its parent ends (also a parent killed outright)."""
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def helpers_allowed() -> bool:
    """Whether this process may fork a helper: Linux only (the parent-death signal that ends a helper
    with a parent killed outright is Linux's, and a fork without exec is unsafe where system
    frameworks hold threads, as on macOS), and :data:`NO_HELPER` not set."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and os.environ.get(NO_HELPER, "").strip() in ("", "0")


def _quiet_stdio() -> None:
    """Point the helper's standard streams at /dev/null: nothing it does (a library's log line, a
    progress bar, a warning) can reach the command's terminal or output, and it does not hold the
    command's pipes open (a reader of ``retailkg validate … | less`` sees the end with the command)."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    if null > 2:
        os.close(null)
    # the objects too: a caller (a test's capture) may have pointed them at another descriptor
    sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - the helper's until os._exit
    sys.stdout = sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def fork_helper(serve: Callable[[Channel], None], pickler: type[pickle.Pickler] = pickle.Pickler,
                unpickler: type[pickle.Unpickler] = pickle.Unpickler, force: bool = False) -> Helper | None:
    """Fork a helper process running ``serve`` on its end of a channel, in a process declared
    one-shot (:func:`~retailkg.text.runtime.declare_one_shot`; ``force``: a test's own process) and only where a fork is
    safe (:func:`helpers_allowed`, and no other Python thread runs (a forked thread-holding process may
    deadlock on a lock another thread held)). ``None`` otherwise: the caller does the work itself.

    Why a process: on a machine of two cores, the command's own Python work is serial under the
    interpreter's lock, so only another process can do Python work beside it. The helper starts
    as a copy of this process (what it reads is shared until written), never writes to the
    command's files or terminal (its standard streams are /dev/null), ends with the command (the
    channel's end, the command's exit, also on Ctrl-C, or the parent's death), and leaves by
    ``os._exit`` (no exit handler of the parent runs twice). SIGINT is blocked across the fork and
    ignored in the helper: a Ctrl-C is the command's to handle (exit 130, which ends the helper),
    and one arriving just after the fork cannot run the command's ``KeyboardInterrupt`` handling a
    second time in the copy.
    """
    if not (is_one_shot() or force) or not helpers_allowed() or threading.active_count() > 1:
        return None
    try:
        mine, theirs = socket.socketpair()
    except OSError:
        return None
    parent = os.getpid()
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
    except OSError:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        mine.close()
        theirs.close()
        return None
    if pid == 0:  # the helper
        code = 0
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
            _quiet_stdio()
            mine.close()
            _die_with_parent()
            if os.getppid() != parent:
                os._exit(0)
            serve(Channel(theirs, pickler, unpickler))
        except BaseException:  # Ctrl-C, the parent gone, any failure: the parent does the work
            code = 1
        finally:
            os._exit(code)
    theirs.close()
    helper = Helper(pid, Channel(mine, pickler, unpickler))  # registered to be ended at exit before a Ctrl-C can land
    signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # a Ctrl-C that came during the fork is raised now, here
    return helper
