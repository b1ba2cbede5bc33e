"""Security headers on every response, and a Content-Security-Policy on every HTML page.

Every response: ``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: strict-origin-when-cross-origin``
(a link to the council information system tells it only this server's origin, never a search query in
the URL; same-origin requests keep their ``Origin`` header, which the answer API checks).

HTML pages: ``PAGE_CSP`` allows scripts, styles, fonts and fetches from this server only, no inline
script, no plugins, no framing by other sites. A route that needs something else (the API docs, whose
page has one inline script) sets its own policy, and it is left alone.
"""

from __future__ import annotations

import base64
import hashlib
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'; object-src 'none'")
PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def docs_csp(html: str) -> str:
    """The policy for the Swagger UI page: its assets from here, its one inline script by hash.
    Swagger UI sets style attributes, so styles may be inline there (only there)."""
    hashes = " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                      for s in _INLINE_SCRIPT.findall(html))
    return (f"default-src 'none'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'self'; object-src 'none'")


class SecurityHeaders:
    """Pure ASGI middleware: adds headers to ``http.response.start`` without buffering the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                extra = [(b"x-content-type-options", b"nosniff"),
                         (b"referrer-policy", b"strict-origin-when-cross-origin")]
                content_type = next((v for k, v in headers if k.lower() == b"content-type"), b"")
                if content_type.startswith(b"text/html"):
                    extra += [(b"content-security-policy", PAGE_CSP.encode()),
                              (b"permissions-policy", PERMISSIONS.encode())]
                headers += [(k, v) for k, v in extra if k not in present]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
