"""GET /widget.js: the embeddable assistant, for any site, with one tag.

    <script src="https://rathaus.example/widget.js" defer></script>

The script defines ``<rathaus-assistant>`` and, if the page has none, adds one (a launcher button
that opens a chat panel). It finds the API next to itself, so the same file serves the chat page
at ``/`` (inline mode) and a city's own pages (which must be listed in ``RATHAUS_WIDGET_ORIGINS``
to be answered). The file lives in ``web/static`` so it ships with the package.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.resources import files

from fastapi import APIRouter, Request, Response

router = APIRouter(include_in_schema=False)

CACHE_CONTROL = "public, max-age=3600, must-revalidate"  # the URL carries no version: revalidate hourly


@lru_cache(maxsize=1)
def _script() -> tuple[bytes, str]:
    body = (files("rathaus") / "web" / "static" / "widget.js").read_bytes()
    return body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


@router.get("/widget.js")
def widget_js(request: Request) -> Response:
    body, etag = _script()
    headers = {"Cache-Control": CACHE_CONTROL, "ETag": etag,
               # a host page with Cross-Origin-Embedder-Policy may load it
               "Cross-Origin-Resource-Policy": "cross-origin"}
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="text/javascript; charset=utf-8", headers=headers)
