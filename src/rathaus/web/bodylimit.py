"""A size limit on request bodies, enforced while they stream in (uploads).

Starlette reads a whole multipart form (to memory or temporary files) before the endpoint runs, so
the endpoint's own size check would come after a 500 MB upload was already on disk. This ASGI
middleware answers 413 as soon as the declared Content-Length, or the bytes actually received,
pass the limit for the path.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from typing import Any


class _TooLarge(Exception):
    pass


class BodySizeLimit:
    def __init__(self, app: Any, limit_for: Callable[[str], int | None]) -> None:
        self.app = app
        self.limit_for = limit_for  # path -> max bytes, or None for no limit here

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        limit = self.limit_for(scope["path"]) if scope["type"] == "http" else None
        if limit is None:
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refuse(send, limit)
            return
        received = 0
        exceeded = started = False

        async def counting_receive() -> dict:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    exceeded = True
                    raise _TooLarge
            return message

        async def guarded_send(message: dict) -> None:
            # FastAPI turns any error while reading a body into its own 400; once the limit is passed,
            # that answer is replaced by the 413.
            nonlocal started
            if exceeded:
                if message["type"] == "http.response.start" and not started:
                    started = True
                    await self._refuse(send, limit)
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        with contextlib.suppress(_TooLarge):
            await self.app(scope, counting_receive, guarded_send)
        if exceeded and not started:
            await self._refuse(send, limit)

    @staticmethod
    async def _refuse(send: Callable, limit: int) -> None:
        body = json.dumps({"error": "too_large", "message": f"The request body is larger than {limit} bytes.",
                           "user_message": f"Die Datei ist zu groß (höchstens {limit // 1_000_000} MB)."}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})
