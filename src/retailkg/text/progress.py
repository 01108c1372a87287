"""Progress bars for long steps, drawn on stderr and only for a person watching a terminal.

Validating a chain's design takes minutes (reading it, matching thousands of duties, loading the
store, running the rules), so a terminal should show that something is moving. But stdout carries
the report, and a bar in a pipe, a log file or a CI transcript is noise, so:

- bars go to **stderr**, never stdout;
- they draw only when stderr is a TTY, unless ``RETAILKG_PROGRESS=always`` (tests, demos) or
  ``never`` forces it; ``auto`` (the default, and any other value) means "when a TTY";
- :func:`set_quiet` (the CLI's ``--quiet``) silences them whatever the environment says;
- a bar finishes its line (``... 100% ... done``, or ``stopped`` when its block raised), and a failing
  stderr (closed, a broken pipe) silences it instead of raising.

Usage::

    from retailkg.text import progress

    with progress.task("matching duties", total=len(duties)) as bar:
        for duty in duties:
            ...
            bar.advance()

    with progress.stage("reading design"):   # no count: "reading design ..." then "... done"
        design = read(path)

    for row in progress.track(rows, "loading store"):
        ...
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sized
from contextvars import ContextVar
from types import TracebackType
from typing import TextIO, TypeVar

from retailkg.text.normalise import clip, display_width

__all__ = ["ENV", "Task", "enabled", "is_quiet", "set_quiet", "stage", "task", "track"]

ENV = "RETAILKG_PROGRESS"
"""The environment variable: ``always``, ``never`` or ``auto`` (the default)."""

BAR = 24
"""Cells of the bar itself; the label and the counts take the rest of the line."""

_quiet: ContextVar[bool] = ContextVar("retailkg_progress_quiet", default=False)
_lock = threading.Lock()
_line_owner: Task | None = None  # the task whose unfinished line the cursor is on
T = TypeVar("T")


def set_quiet(quiet: bool = True) -> None:
    """Silence (or allow again) every bar started after this, whatever ``RETAILKG_PROGRESS`` says.

    A context variable, so a server handling requests in tasks can be quiet in one and not another.
    """
    _quiet.set(quiet)


def is_quiet() -> bool:
    return _quiet.get()


def enabled(stream: TextIO | None = None) -> bool:
    """Whether a bar would draw on ``stream`` (default ``sys.stderr``) now: not quiet, and either
    forced with ``RETAILKG_PROGRESS=always`` or, under ``auto``, the stream is a terminal."""
    if _quiet.get():
        return False
    mode = os.environ.get(ENV, "auto").strip().lower()
    if mode == "never":
        return False
    stream = sys.stderr if stream is None else stream
    if stream is None:
        return False
    if mode == "always":
        return True
    try:
        return stream.isatty()
    except (OSError, ValueError):  # closed or detached
        return False


def _width(text: str) -> int:
    """Terminal cells of ``text``: CJK characters take two (a Chinese label would otherwise wrap)."""
    return display_width(text)


def _fit(text: str, cells: int) -> str:
    """``text`` cut to ``cells`` terminal cells: a wrapped line cannot be redrawn with ``\\r``."""
    return clip(text, cells, "~")


class Task:
    """One step's bar. With a ``total`` it shows ``label [#####------]  45% 450/1,000``; without, the
    label and a count. It redraws at most once per whole percent (without a total, at most every
    0.1 s), so calling :meth:`advance` once per item costs next to nothing.

    Use it as a context manager (:func:`task`, :func:`stage`) so the line is always finished.
    """

    def __init__(self, label: str, total: int | None = None, stream: TextIO | None = None) -> None:
        self.label = label
        self.total = total if total is None or total > 0 else None
        self.done = 0
        self._stream = sys.stderr if stream is None else stream
        self._on = enabled(self._stream)
        self._shown = ""
        self._percent = -1
        self._drawn_at = 0.0
        self._started = time.monotonic()
        self._finished = False

    @property
    def active(self) -> bool:
        """Whether this bar draws (false when quiet, piped, or after stderr failed)."""
        return self._on

    def __enter__(self) -> Task:
        self._draw(force=True)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.finish(ok=exc_type is None)

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more units done."""
        self.done += n
        self._draw()

    def finish(self, ok: bool = True) -> None:
        """End the line: the final state and ``done`` (with the time taken), or ``stopped``. Idempotent."""
        if self._finished:
            return
        self._finished = True
        if ok and self.total is not None:
            self.done = max(self.done, self.total)
        seconds = time.monotonic() - self._started
        self._draw(force=True, end=f" done ({seconds:.1f} s)\n" if ok else " stopped\n")

    def _percent_done(self) -> int:
        """Whole percent done, rounded down: 100 only when every unit is."""
        return -1 if self.total is None else min(100, self.done * 100 // self.total)

    def _text(self) -> str:
        if self.total is None:
            return f"{self.label} ... {self.done:,}" if self.done else f"{self.label} ..."
        percent = self._percent_done()
        filled = percent * BAR // 100
        return f"{self.label} [{'#' * filled}{'-' * (BAR - filled)}] {percent:3d}% {self.done:,}/{self.total:,}"

    def _draw(self, force: bool = False, end: str = "") -> None:
        global _line_owner
        if not self._on:
            return
        now = time.monotonic()
        percent = self._percent_done()
        if not force:
            if self.total is not None and percent == self._percent:
                return
            if self.total is None and now - self._drawn_at < 0.1:
                return
        text = self._text()
        with _lock:
            # Another bar's unfinished line (a stage inside a task): leave it and start a new one.
            lead = "\n" if _line_owner is not None and _line_owner is not self else ""
            columns = self._columns()
            tail = end.rstrip("\n")
            shown = (text if columns is None else _fit(text, max(10, columns - 1 - _width(tail)))) + tail
            pad = " " * max(0, _width(self._shown) - _width(shown))  # blank out the rest of a longer previous drawing
            try:
                self._stream.write(f"{lead}\r{shown}{pad}{end[len(tail):]}")
                self._stream.flush()
            except (OSError, ValueError, AttributeError):  # closed, broken pipe, detached: go quiet
                self._on = False
                _line_owner = None
                return
            self._shown, self._percent, self._drawn_at = shown, percent, now
            _line_owner = None if end else self

    def _columns(self) -> int | None:
        """The terminal's width; None when the stream is no terminal (forced on: nothing wraps)."""
        try:
            return os.get_terminal_size(self._stream.fileno()).columns
        except (OSError, ValueError, AttributeError):
            return None


def task(label: str, total: int | None = None) -> Task:
    """A bar for a step of ``total`` units on stderr; use it as a context manager and call ``advance``.
    ``quiet`` silences this bar alone (a command's ``--quiet``)."""
    return Task(label, total)


def stage(label: str) -> Task:
    """A step without a count: ``label ...`` while it runs, ``label ... done (1.2 s)`` after."""
    return Task(label, None)


def track(items: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
    """Yield ``items``, advancing a bar; ``total`` defaults to ``len(items)`` when it has one."""
    if total is None and isinstance(items, Sized):
        total = len(items)
    with Task(label, total) as bar:
        for item in items:
            yield item
            bar.advance()
