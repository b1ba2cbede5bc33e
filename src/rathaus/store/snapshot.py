"""Keeps an in-memory snapshot of part of the store current: the lexical and the vector index.

The SQLite file is the only truth. A snapshot is built from one read transaction and carries
the *generation* (a counter in ``meta`` that every relevant write increases) it was built at.

Modes: "background" rebuilds in a thread (at most one at a time, not more often than every
``min_interval`` seconds) while the durable index answers; "eager" rebuilds before answering
(tests, benchmarks); "off" never builds one. A cache with ``serve_stale`` keeps answering from
the previous snapshot while the next one is built; only use it where the caller re-checks every
hit against the store (the vector index does: a stale snapshot can only miss the newest vectors).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

log = logging.getLogger(__name__)
MODES = ("background", "eager", "off")


class Snapshot(Protocol):
    generation: int
    size: int


S = TypeVar("S", bound=Snapshot)


class SnapshotCache(Generic[S]):
    def __init__(self, name: str, mode: str = "background", min_interval: float = 10.0,
                 serve_stale: bool = False) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown {name} cache mode {mode!r}; use one of {', '.join(MODES)}")
        self.name = name
        self.mode = mode
        self.min_interval = min_interval
        self.serve_stale = serve_stale
        self.index: S | None = None
        self._building = False
        self._last_start = 0.0
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def current(self, generation: int, build: Callable[[], S]) -> S | None:
        """The snapshot to answer from, or None (use the durable index)."""
        if self.mode == "off":
            return None
        index = self.index
        if index is not None and index.generation == generation:
            return index
        if self.mode == "eager":
            self.index = build()
            return self.index if self.index.generation == generation else None
        with self._lock:
            start = not self._building and time.monotonic() - self._last_start >= self.min_interval
            if start:
                self._building, self._last_start = True, time.monotonic()
        if start:
            self._thread = threading.Thread(target=self._rebuild, args=(build,), name=f"rathaus-{self.name}-cache",
                                            daemon=True)
            self._thread.start()
        return index if self.serve_stale else None

    def wait(self, timeout: float = 60.0) -> None:
        """Wait for a background build to finish: its database connection must not be closed under it."""
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def _rebuild(self, build: Callable[[], S]) -> None:
        started = time.monotonic()
        try:
            self.index = build()
            log.info("in-memory %s index: %d entries in %.1f s", self.name, self.index.size,
                     time.monotonic() - started)
        except Exception:  # noqa: BLE001 - the durable index keeps answering; try again later
            log.exception("building the in-memory %s index failed", self.name)
        finally:
            self._building = False
