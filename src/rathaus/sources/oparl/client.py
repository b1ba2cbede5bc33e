"""HTTP client for OParl servers: retries with backoff, a shared rate limit, size limits.

The ``httpx.Client`` is injected, so tests pass ``httpx.MockTransport`` and the demo passes
the built-in replay transport; production uses a plain client.

    client = OParlClient.from_settings(settings)
    system = client.get_json("https://ris.example.de/oparl/v1/system")
    for page in client.iter_list(body["paper"], {"modified_since": "2025-01-01T00:00:00+01:00"}):
        ...
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from rathaus import __version__
from rathaus.errors import ExtractionError, SourceError, SourceUnavailable
from rathaus.sources.oparl import quirks

log = logging.getLogger(__name__)
USER_AGENT = f"Rathaus/{__version__} (OParl sync; +https://github.com/rathaus)"


class RateLimiter:
    """At most ``rate`` request starts per second, across threads (0: no limit)."""

    def __init__(self, rate: float) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self._next = 0.0
        self._lock = threading.Lock()

    def wait(self) -> None:
        if not self.interval:
            return
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next)
            self._next = start + self.interval
        if start > now:
            time.sleep(start - now)


class HTTPStatusError(SourceError):
    def __init__(self, url: str, status: int) -> None:
        super().__init__(f"{url} answered HTTP {status}")
        self.url, self.status = url, status


@dataclass
class Page:
    url: str
    items: list[Any]
    next_url: str | None


class OParlClient:
    def __init__(self, http: httpx.Client | None = None, *, retries: int = 8, backoff: float = 0.5,
                 rate_limit: float = 0.0, concurrency: int = 4, timeout: float = 30.0,
                 max_file_bytes: int = 50_000_000, page_limit: int = 0) -> None:
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        self.http = http or httpx.Client(timeout=timeout, limits=limits, follow_redirects=True,
                                         headers={"User-Agent": USER_AGENT})
        self.retries, self.backoff = retries, backoff
        self.limiter = RateLimiter(rate_limit)
        self.concurrency = concurrency
        self.max_file_bytes = max_file_bytes
        self.page_limit = page_limit
        self.requests = 0
        self.retried = 0

    @classmethod
    def from_settings(cls, settings: Any, http: httpx.Client | None = None) -> OParlClient:
        return cls(http, retries=settings.oparl_retries, backoff=settings.oparl_backoff,
                   rate_limit=settings.oparl_rate_limit, concurrency=settings.oparl_concurrency,
                   timeout=settings.oparl_timeout, max_file_bytes=settings.max_file_bytes,
                   page_limit=settings.oparl_page_limit)

    def close(self) -> None:
        self.http.close()

    def _sleep(self, attempt: int) -> None:
        self.retried += 1
        time.sleep(min(self.backoff * (2 ** attempt), 30.0))

    def _request(self, url: str, params: dict[str, str] | None, *, stream_limit: int | None = None,
                 ) -> tuple[bytes, str]:
        """GET with retries on 5xx, 429, timeouts and broken connections. Returns (body, content type)."""
        last: Exception | None = None
        connect_failures = 0
        if params:  # merge: httpx would replace a query the URL already has (?body=1, ?page=2)
            url = str(httpx.URL(url).copy_merge_params(params))
        for attempt in range(self.retries + 1):
            self.limiter.wait()
            self.requests += 1
            try:
                with self.http.stream("GET", url) as resp:
                    if resp.status_code >= 500 or resp.status_code == 429:
                        last = HTTPStatusError(url, resp.status_code)
                        log.info("retrying %s after HTTP %d (attempt %d)", url, resp.status_code, attempt + 1)
                        self._sleep(attempt)
                        continue
                    if resp.status_code >= 400:
                        raise HTTPStatusError(url, resp.status_code)
                    declared = int(resp.headers.get("content-length") or 0)
                    if stream_limit and declared > stream_limit:
                        raise ExtractionError(f"{url} is {declared} bytes, over the limit of {stream_limit}")
                    data = bytearray()
                    for part in resp.iter_bytes():
                        data += part
                        if stream_limit and len(data) > stream_limit:
                            raise ExtractionError(f"{url} exceeds the limit of {stream_limit} bytes")
                    return bytes(data), resp.headers.get("content-type", "")
            except (httpx.TimeoutException, httpx.RemoteProtocolError, httpx.ReadError) as exc:
                last = exc
                log.info("retrying %s after %s (attempt %d)", url, type(exc).__name__, attempt + 1)
                self._sleep(attempt)
            except httpx.ConnectError as exc:
                last = exc
                connect_failures += 1
                if connect_failures >= 3:  # an unreachable host does not come back within seconds
                    break
                self._sleep(attempt)
            except httpx.HTTPError as exc:  # invalid URL, unsupported protocol, ...
                raise SourceError(f"cannot fetch {url}: {exc}") from exc
        raise SourceUnavailable(f"{url} failed after {self.retries + 1} attempts: {last}") from last

    def get_json(self, url: str, params: dict[str, str] | None = None) -> Any:
        """GET a JSON document. A cut-off or invalid body is retried, then raises SourceError."""
        for attempt in range(self.retries + 1):
            data, _ = self._request(url, params)
            try:
                return json.loads(data)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                if attempt == self.retries:
                    raise SourceError(f"{url} does not answer with valid JSON: {exc}") from exc
                log.info("retrying %s after invalid JSON (attempt %d)", url, attempt + 1)
                self._sleep(min(attempt, 3))
        raise AssertionError("unreachable")

    def get_file(self, url: str) -> tuple[bytes, str]:
        """Download a file's content, refusing anything larger than ``max_file_bytes``."""
        return self._request(url, None, stream_limit=self.max_file_bytes)

    def iter_list(self, url: str, params: dict[str, str] | None = None) -> Iterator[Page]:
        """Follow ``links.next`` through an OParl list. Never trusts ``totalElements``."""
        params = dict(params or {})
        if self.page_limit:
            params.setdefault("limit", str(self.page_limit))
        seen_pages: set[str] = set()
        current: str | None = url
        first = True
        while current:
            try:
                doc = self.get_json(current, params if first else None)
            except HTTPStatusError as exc:
                if exc.status == 404 and first:
                    log.info("%s answered 404; treating it as an empty list (vendor quirk)", url)
                    return
                raise
            items, next_url = quirks.list_page(doc, current)
            seen_pages.add(current)
            if next_url in seen_pages:  # a server that links a page to itself would loop forever
                log.warning("%s links back to a page already read; stopping", current)
                next_url = None
            yield Page(current, items, next_url)
            current, first = next_url, False
