"""Which web pages may call the answer API: this server's own pages and the origins in ``widget_origins``.

For ``/api/v1/ask`` and ``/api/v1/feedback`` (the endpoints the page and the embeddable widget call):

- a request without an ``Origin`` header (curl, a server, a plain link) passes unchanged;
- a request from this server's own origin (the chat page at ``/``: the Origin's host and port equal the
  ``Host`` header, or ``X-Forwarded-Host`` with ``RATHAUS_TRUST_PROXY_HEADERS``) passes unchanged. A
  reverse proxy that rewrites ``Host`` must pass the original one on, or list its public origin;
- a request from an origin listed in ``RATHAUS_WIDGET_ORIGINS`` (a city site embedding ``/widget.js``)
  gets ``Access-Control-Allow-Origin: <that origin>`` and ``Vary: Origin``; its CORS preflight
  (``OPTIONS``) is answered here with 204;
- any other origin gets ``403 {"error": "origin_not_allowed", ...}``, preflight included, so a browser
  never sends the question.

Never ``*`` and never ``Access-Control-Allow-Credentials``: the widget calls with
``credentials: "omit"`` and the API sets no cookie. The list is read from the settings on every
request (parsed once per distinct value); entries that are no origin (``*``, paths, other schemes) are
ignored with a warning.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

PATHS = frozenset({"/api/v1/ask", "/api/v1/feedback"})
ALLOW_METHODS = "POST"
ALLOW_HEADERS = ("content-type", "accept")
MAX_AGE = "600"
_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalise_origin(value: str) -> str | None:
    """``scheme://host[:port]`` in lower case without a default port, or None if ``value`` is no origin."""
    value = value.strip().rstrip("/")
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in _DEFAULT_PORTS or not parts.hostname or parts.path or parts.query or parts.fragment \
            or parts.username or parts.password:
        return None
    host = parts.hostname.lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS[parts.scheme]:
        host = f"{host}:{port}"
    return f"{parts.scheme}://{host}"


@lru_cache(maxsize=8)
def parse_origins(setting: str) -> frozenset[str]:
    """The comma-separated ``widget_origins`` setting as normalised origins; ``*`` and junk are ignored."""
    out = set()
    for item in setting.split(","):
        if not item.strip():
            continue
        origin = normalise_origin(item)
        if origin is None:
            log.warning("widget_origins: ignoring %r (not an origin like https://www.musterstadt.de; "
                        "'*' is never allowed)", item.strip())
            continue
        out.add(origin)
    return frozenset(out)


def is_own_origin(origin: str, scope: Scope, trust_proxy: bool = False) -> bool:
    """Whether ``origin`` is the one this request was addressed to: its host and port equal the Host
    header (or X-Forwarded-Host behind a trusted proxy). The scheme is taken from the origin, because
    behind a TLS-terminating proxy the server itself may only see http."""
    headers = dict(scope.get("headers", []))
    hosts = [headers.get(b"host", b"")]
    if trust_proxy and headers.get(b"x-forwarded-host"):
        hosts.append(headers[b"x-forwarded-host"].split(b",")[0])
    scheme = origin.split("://", 1)[0]
    return any(h and normalise_origin(f"{scheme}://{h.decode('latin-1').strip()}") == origin for h in hosts)


class OriginPolicy:
    """Pure ASGI middleware (streamed answers pass through untouched)."""

    def __init__(self, app: ASGIApp, settings: Callable[[], Any]) -> None:
        self.app = app
        self.settings = settings  # returns the current Settings (widget_origins, trust_proxy_headers)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] not in PATHS:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope.get("headers", [])}
        raw_origin = headers.get("origin")
        if raw_origin is None:
            await self.app(scope, receive, send)
            return
        settings = self.settings()
        origin = normalise_origin(raw_origin)  # "null" (sandboxed frames, file://) is no origin
        if origin is not None and is_own_origin(origin, scope, bool(getattr(settings, "trust_proxy_headers", False))):
            await self.app(scope, receive, send)
            return
        if origin is None or origin not in parse_origins(getattr(settings, "widget_origins", "") or ""):
            await _forbidden(send)
            return
        if scope["method"] == "OPTIONS":
            await _preflight(send, origin, headers.get("access-control-request-headers", ""))
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = dict(message)
                message["headers"] = [*message.get("headers", []), *_cors_headers(origin),
                                      (b"access-control-expose-headers", b"Retry-After")]
            await send(message)

        await self.app(scope, receive, send_with_cors)


def _cors_headers(origin: str) -> list[tuple[bytes, bytes]]:
    return [(b"access-control-allow-origin", origin.encode("latin-1")), (b"vary", b"Origin")]


async def _preflight(send: Send, origin: str, requested: str) -> None:
    wanted = [h.strip().lower() for h in requested.split(",") if h.strip()]
    if any(h not in ALLOW_HEADERS for h in wanted):
        await _forbidden(send, "header_not_allowed", "Only Content-Type and Accept may be sent.")
        return
    headers = [*_cors_headers(origin), (b"access-control-allow-methods", ALLOW_METHODS.encode()),
               (b"access-control-allow-headers", ", ".join(ALLOW_HEADERS).encode()),
               (b"access-control-max-age", MAX_AGE.encode()), (b"content-length", b"0")]
    await send({"type": "http.response.start", "status": 204, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


async def _forbidden(send: Send, code: str = "origin_not_allowed",
                     message: str = "Pages from this origin may not call the answer API; "
                                    "the operator can add it to RATHAUS_WIDGET_ORIGINS.") -> None:
    body = json.dumps({"error": code, "message": message}).encode()
    await send({"type": "http.response.start", "status": 403,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"vary", b"Origin")]})
    await send({"type": "http.response.body", "body": body})
