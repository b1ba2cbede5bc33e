"""Per-client rate limits for the public endpoints, in memory only (client addresses are never stored).

A token bucket per client: ``rate`` requests per minute, refilled continuously, bursts up to
``rate``. Behind the city's own reverse proxy set ``RATHAUS_TRUST_PROXY_HEADERS=true`` so the
client is the first X-Forwarded-For address rather than the proxy.
"""

from __future__ import annotations

import hashlib
import threading
import time

from fastapi import Request

MAX_CLIENTS = 100_000  # forget the idlest buckets beyond this, so memory stays bounded


class RateLimiter:
    def __init__(self, per_minute: int, trust_proxy: bool = False) -> None:
        self.per_minute = per_minute
        self.trust_proxy = trust_proxy
        self._buckets: dict[str, tuple[float, float]] = {}  # client key -> (tokens, last update)
        self._lock = threading.Lock()

    def client_key(self, request: Request) -> str:
        address = request.client.host if request.client else "unknown"
        if self.trust_proxy and request.headers.get("x-forwarded-for"):
            address = request.headers["x-forwarded-for"].split(",")[0].strip()
        return hashlib.sha256(address.encode()).hexdigest()[:16]  # no plain address in memory dumps either

    def allow(self, request: Request) -> tuple[bool, float]:
        """(allowed, seconds until the next request would be allowed)."""
        if self.per_minute <= 0:
            return True, 0.0
        key, now = self.client_key(request), time.monotonic()
        rate = self.per_minute / 60.0
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.per_minute), now))
            tokens = min(float(self.per_minute), tokens + (now - last) * rate)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return False, (1 - tokens) / rate
            self._buckets[key] = (tokens - 1, now)
            if len(self._buckets) > MAX_CLIENTS:
                for k in sorted(self._buckets, key=lambda k: self._buckets[k][1])[: MAX_CLIENTS // 10]:
                    del self._buckets[k]
        return True, 0.0
