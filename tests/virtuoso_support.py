"""A private Virtuoso Open Source 7 server for the store tests: started and stopped by the fixture.

The server runs from Debian's ``virtuoso-opensource-7-bin`` (``.ci/run`` installs it) with an ini
of its own in a temporary folder: its own database directory, free ports bound to 127.0.0.1 only,
and the settings of the ini Debian ships (``/usr/share/virtuoso-opensource-7/virtuoso.ini`` of
``virtuoso-opensource-7``), so "stock" means what a user gets from the package. ``settings``
overrides single keys, e.g. ``{"SPARQL": {"ResultSetMaxRows": "1000000"}}``; :meth:`Virtuoso.restart`
starts the same database again with other settings, which takes a few seconds instead of a new
load.

A new database has the well-known account dba/dba; the fixture changes its password to a random
one (through ``isql-vt``'s standard input, never a command line) before any test talks to it, and
hands the password to tests in the environment, as a user would. The server is stopped by its PID.

Without the binary the tests skip locally with the reason, and fail in CI (``CI=true``): a store
suite that silently does not run proves nothing.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import query_support as qs

BINARY = "virtuoso-t"
ISQL = "isql-vt"

# Debian's shipped virtuoso.ini (7.2.5.1+dfsg1-0.3), minus absolute paths, plug-ins and
# VAD folders; {…} are filled in per server. The limits that matter to a client are the stock ones:
# [SPARQL] ResultSetMaxRows 10000, MaxQueryExecutionTime 60, MaxQueryCostEstimationTime 400,
# and [Parameters] MaxSortedTopRows, not in the file, so its built-in default 10000.
STOCK: dict[str, dict[str, str]] = {
    "Database": {
        "DatabaseFile": "db/virtuoso.db", "ErrorLogFile": "db/virtuoso.log", "LockFile": "db/virtuoso.lck",
        "TransactionFile": "db/virtuoso.trx", "xa_persistent_file": "db/virtuoso.pxa", "ErrorLogLevel": "7",
        "FileExtend": "200", "MaxCheckpointRemap": "2000", "Striping": "0", "TempStorage": "TempDatabase",
    },
    "TempDatabase": {
        "DatabaseFile": "db/virtuoso-temp.db", "TransactionFile": "db/virtuoso-temp.trx",
        "MaxCheckpointRemap": "2000", "Striping": "0",
    },
    "Parameters": {
        "ServerPort": "127.0.0.1:{sql_port}", "LiteMode": "0", "DisableUnixSocket": "1", "DisableTcpSocket": "0",
        "MaxClientConnections": "10", "CheckpointInterval": "60", "O_DIRECT": "0", "CaseMode": "2",
        "MaxStaticCursorRows": "5000", "CheckpointAuditTrail": "0", "AllowOSCalls": "0", "SchedulerInterval": "10",
        "DirsAllowed": ".", "ThreadCleanupInterval": "0", "ThreadThreshold": "10", "ResourcesCleanupInterval": "0",
        "FreeTextBatchSize": "100000", "SingleCPU": "0", "PrefixResultNames": "0", "RdfFreeTextRulesSize": "100",
        "IndexTreeMaps": "64", "MaxMemPoolSize": "200000000", "MaxQueryMem": "2G", "VectorSize": "1000",
        "MaxVectorSize": "1000000", "AdjustVectorSize": "0", "ThreadsPerQuery": "4", "AsyncQueueMaxThreads": "10",
        "NumberOfBuffers": "10000", "MaxDirtyBuffers": "6000",
    },
    "HTTPServer": {
        "ServerPort": "127.0.0.1:{http_port}", "ServerRoot": "vsp", "MaxClientConnections": "10", "DavRoot": "DAV",
        "EnabledDavVSP": "0", "HTTPProxyEnabled": "0", "TempASPXDir": "0", "ServerThreads": "10",
        "MaxKeepAlives": "10", "KeepAliveTimeout": "10", "HTTPThreadSize": "280000", "HttpPrintWarningsInOutput": "0",
        "Charset": "UTF-8", "EnabledGzipContent": "1",
    },
    "Client": {"SQL_PREFETCH_ROWS": "100", "SQL_PREFETCH_BYTES": "16000", "SQL_QUERY_TIMEOUT": "0", "SQL_TXN_TIMEOUT": "0"},
    "SPARQL": {
        "ResultSetMaxRows": "10000", "MaxQueryCostEstimationTime": "400", "MaxQueryExecutionTime": "60",
        "DeferInferenceRulesInit": "0",
    },
}


def virtuoso_binary() -> str:
    """``virtuoso-t``; a missing server fails the test in CI and skips it (with the reason) elsewhere."""
    found = shutil.which(BINARY)
    if found and shutil.which(ISQL):
        return found
    reason = f"{BINARY}/{ISQL} not found: apt-get install virtuoso-opensource-7-bin (.ci/run installs it)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def ini_text(values: Mapping[str, Mapping[str, str]]) -> str:
    return "".join(f"[{section}]\n" + "".join(f"{k} = {v}\n" for k, v in keys.items()) + "\n"
                   for section, keys in values.items())


def merged(settings: Mapping[str, Mapping[str, str]] | None) -> dict[str, dict[str, str]]:
    out = {s: dict(keys) for s, keys in STOCK.items()}
    for section, keys in (settings or {}).items():
        out.setdefault(section, {}).update(keys)
    return out


@dataclass
class Virtuoso:
    """One running server: where it answers, the dba password, and its folder."""

    directory: Path
    settings: dict[str, dict[str, str]]
    password: str = field(repr=False)
    user: str = "dba"
    sql_port: int = 0
    http_port: int = 0
    proc: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def sparql(self) -> str:
        """The anonymous, read-only query endpoint."""
        return f"{self.base}/sparql"

    @property
    def graph_store(self) -> str:
        """The Graph Store Protocol endpoint that takes writes (digest authentication)."""
        return f"{self.base}/sparql-graph-crud-auth"

    @property
    def env(self) -> dict[str, str]:
        return {"RETAILKG_USER": self.user, "RETAILKG_PASSWORD": self.password}

    def log(self) -> str:
        path = self.directory / "db" / "virtuoso.log"
        return path.read_text("utf-8", "replace")[-3000:] if path.is_file() else ""

    def start(self, settings: Mapping[str, Mapping[str, str]] | None = None) -> None:
        """Start (or start again, on the same database) with the stock ini overridden by ``settings``."""
        exe = virtuoso_binary()
        self.settings = merged(settings)
        for attempt in range(3):
            self.sql_port, self.http_port = qs.free_port(), qs.free_port()
            filled = {s: {k: v.format(sql_port=self.sql_port, http_port=self.http_port) for k, v in keys.items()}
                      for s, keys in self.settings.items()}
            (self.directory / "virtuoso.ini").write_text(ini_text(filled), "utf-8")
            self.proc = subprocess.Popen([exe, "+foreground", "+configfile", "virtuoso.ini"], cwd=self.directory,
                                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                qs.wait_until_ready(f"{self.sparql}?query=ASK%7B%7D", self.proc, timeout=60)
                return
            except RuntimeError:
                self.stop()
                if attempt == 2:
                    raise RuntimeError(f"Virtuoso did not start; its log ends:\n{self.log()}") from None

    def stop(self) -> None:
        """Stop this server by its PID (SIGTERM makes Virtuoso checkpoint and exit)."""
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)

    def restart(self, settings: Mapping[str, Mapping[str, str]] | None = None) -> None:
        self.stop()
        self.start(settings)

    def sql(self, statements: str, password: str | None = None) -> str:
        """Run SQL through ``isql-vt``, the statements (and so any password in them) on its standard input."""
        pw = self.password if password is None else password
        done = subprocess.run([ISQL, f"127.0.0.1:{self.sql_port}", self.user, pw], input=statements.encode(),
                              capture_output=True, timeout=120, check=False)
        out = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
        if done.returncode != 0 or "*** Error" in out:
            raise RuntimeError(f"isql failed ({done.returncode}): {out.replace(self.password, '***')[-2000:]}")
        return out


@contextlib.contextmanager
def virtuoso_server(settings: Mapping[str, Mapping[str, str]] | None = None) -> Iterator[Virtuoso]:
    """A new Virtuoso database on 127.0.0.1 whose dba password is no longer the default."""
    virtuoso_binary()
    directory = Path(tempfile.mkdtemp(prefix="retailkg-virtuoso-"))
    (directory / "db").mkdir()
    (directory / "vsp").mkdir()
    server = Virtuoso(directory, merged(settings), password=secrets.token_urlsafe(18))
    try:
        server.start(settings)
        server.sql(f"USER_SET_PASSWORD('dba', '{server.password}');\n", password="dba")
        yield server
    finally:
        server.stop()
        shutil.rmtree(directory, ignore_errors=True)


__all__ = ["STOCK", "Virtuoso", "ini_text", "merged", "virtuoso_binary", "virtuoso_server"]
