"""Talking to a remote SPARQL store: credentials, timeouts, and one clear line for each failure.

Credentials come only from the environment (``RETAILKG_USER``, ``RETAILKG_PASSWORD``): a
password on the command line ends up in shell history and ``ps`` output, so URLs with a
``user:password@`` part are refused too. Nothing here puts a password in a message or a repr.

Credentials go to the origin (scheme, host, port) of the URL they were given for and nowhere
else: every client (the endpoint engine, ``load``, ``validate --endpoint``) talks through
:func:`http_session`, whose session drops the ``Authorization`` header when a redirect leaves that
origin, and whose basic and digest handlers answer only requests to it (a digest challenge from
another origin is not answered). A redirect within the origin keeps the credentials.
"""

from __future__ import annotations

import os
import socket
import urllib.error
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from retailkg.errors import InputError

if TYPE_CHECKING:
    import requests
    from requests.auth import AuthBase

__all__ = [
    "AUTH_SCHEMES",
    "ENV_PASSWORD",
    "ENV_USER",
    "Credentials",
    "check_url",
    "credentials_from_env",
    "http_error",
    "http_session",
    "network_error",
    "origin",
]

ENV_USER = "RETAILKG_USER"
ENV_PASSWORD = "RETAILKG_PASSWORD"
AUTH_SCHEMES = ("basic", "digest")


@dataclass(frozen=True)
class Credentials:
    """A user name and password for HTTP basic or digest authentication."""

    user: str
    password: str = field(repr=False)
    scheme: str = "basic"

    def requests_auth(self, url: str) -> AuthBase:
        """The ``auth=`` object for :mod:`requests`, answering requests to ``url``'s origin only."""
        from requests.auth import HTTPBasicAuth, HTTPDigestAuth

        home = origin(url)

        class HomeBasicAuth(HTTPBasicAuth):
            def __call__(self, r: Any) -> Any:
                return super().__call__(r) if origin(r.url) == home else r

        class HomeDigestAuth(HTTPDigestAuth):
            def __call__(self, r: Any) -> Any:
                return super().__call__(r) if origin(r.url) == home else r

            def handle_401(self, r: Any, **kwargs: Any) -> Any:
                # requests copies this hook into a redirected request: never answer another origin's challenge
                return super().handle_401(r, **kwargs) if origin(r.url) == home else r

        if self.scheme == "digest":
            return HomeDigestAuth(self.user, self.password)
        return HomeBasicAuth(self.user, self.password)


_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(url: str) -> tuple[str, str, int | None]:
    """A URL's origin (RFC 6454): scheme, host and port, the default port spelled out."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port if port is not None else _DEFAULT_PORTS.get(scheme)


def http_session(url: str, credentials: Credentials | None) -> requests.Session:
    """A :mod:`requests` session for the server at ``url``; ``credentials`` go to its origin only.

    requests already drops ``Authorization`` when a redirect changes host or port, but keeps it
    from ``http://h`` to ``https://h``; this session drops it whenever the origin changes.
    """
    import requests

    home = origin(url)

    class HomeSession(requests.Session):
        def rebuild_auth(self, prepared_request: Any, response: Any) -> None:
            super().rebuild_auth(prepared_request, response)
            if origin(prepared_request.url) != home:
                prepared_request.headers.pop("Authorization", None)

    session = HomeSession()
    if credentials is not None:
        session.auth = credentials.requests_auth(url)
    return session


def credentials_from_env(scheme: str = "basic", environ: Mapping[str, str] | None = None) -> Credentials | None:
    """Credentials from ``RETAILKG_USER``/``RETAILKG_PASSWORD``, or ``None`` when neither is set."""
    env = os.environ if environ is None else environ
    if scheme not in AUTH_SCHEMES:
        raise InputError(f"--auth must be one of {', '.join(AUTH_SCHEMES)}, not {scheme!r}")
    user, password = env.get(ENV_USER), env.get(ENV_PASSWORD)
    if not user and not password:
        return None
    if not user or password is None:
        raise InputError(f"set both {ENV_USER} and {ENV_PASSWORD} (only one of them is set)")
    return Credentials(user, password, scheme)


def check_url(url: str, what: str = "--endpoint") -> str:
    """An http(s) URL without credentials in it."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"{what} must be an http:// or https:// URL, not {url!r}")
    if parts.username or parts.password:
        raise InputError(f"{what}: put the user and password in {ENV_USER} and {ENV_PASSWORD}, not in the URL")
    return url


_STATUS_HELP = {
    401: "the server refused the credentials; set {user} and {password} (and --auth digest if the server wants digest)",
    403: "the server refused the request for this user (no permission)",
    404: "no such service at this URL; check the path (e.g. /query, /sparql, /store)",
    405: "the server does not allow this method at this URL; check the URL",
    413: "the request was too large for the server",
    414: "the request URL was too long for the server",
}


def http_error(url: str, status: int, reason: str = "", body: bytes | str | None = None) -> InputError:
    """One line for an HTTP error status."""
    help_ = _STATUS_HELP.get(status)
    if help_:
        return InputError(f"{url}: HTTP {status}: {help_.format(user=ENV_USER, password=ENV_PASSWORD)}")
    detail = ""
    if body:
        text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        detail = f": {first[:200]}"
    return InputError(f"{url}: HTTP {status} {reason}{detail}".rstrip())


def _is_timeout(exc: BaseException) -> bool:
    seen: set[int] = set()
    e: BaseException | None = exc
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        if isinstance(e, TimeoutError | socket.timeout):
            return True
        name = type(e).__name__
        if name in ("ReadTimeout", "ConnectTimeout", "Timeout", "ReadTimeoutError", "ConnectTimeoutError"):
            return True
        reason = getattr(e, "reason", None)
        if isinstance(reason, BaseException):
            e = reason
            continue
        e = e.__cause__ or e.__context__ or (e.args[0] if e.args and isinstance(e.args[0], BaseException) else None)
    return "timed out" in str(exc).lower()


def _is_refused(exc: BaseException) -> bool:
    text = repr(exc)
    return "Connection refused" in text or "Errno 111" in text or "ConnectionRefusedError" in text or "actively refused" in text


def network_error(url: str, exc: BaseException, timeout: float | None) -> InputError:
    """One line for a failure below HTTP: refused, timed out, unknown host, reset."""
    if _is_timeout(exc):
        return InputError(f"{url}: no answer within {timeout:g} s (--timeout)" if timeout else f"{url}: timed out")
    if _is_refused(exc):
        return InputError(f"{url}: connection refused; is the server running?")
    if (isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, socket.gaierror)) or "Name or service not known" in repr(exc):
        return InputError(f"{url}: unknown host")
    reason = getattr(exc, "reason", None) or exc
    return InputError(f"{url}: cannot connect ({type(reason).__name__}: {reason})")
