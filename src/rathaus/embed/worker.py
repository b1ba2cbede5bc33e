"""Fill in missing vectors, lead passages and newest documents first, resumably.

Each batch is written as soon as it is computed, so an interrupted run loses at most one
batch, and search uses every vector the moment it is stored. ``rathaus embed`` runs this in
the foreground; ``rathaus serve`` runs it in a background thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)


@dataclass
class EmbedReport:
    embedded: int = 0
    seconds: float = 0.0
    done: int = 0
    total: int = 0


def embed_missing(store: Any, embedder: Any, scope: str = "all", batch_size: int = 16, limit: int | None = None,
                  progress: Callable[[int, int], None] | None = None,
                  stop: threading.Event | None = None) -> EmbedReport:
    report = EmbedReport()
    if not getattr(embedder, "dim", 0):
        return report
    started = time.monotonic()
    done, total = store.vector_progress(embedder.name, scope)
    report.done, report.total = done, total
    if progress:
        progress(done, total)
    while stop is None or not stop.is_set():
        want = batch_size if limit is None else min(batch_size, limit - report.embedded)
        if want <= 0:
            break
        batch = store.chunks_to_embed(embedder.name, scope, want)
        if not batch:
            break
        vectors = embedder.embed_passages([text for _, text in batch])
        written = store.put_vectors(embedder.name, zip([cid for cid, _ in batch], vectors, strict=True))
        report.embedded += written
        report.done += written
        if progress:
            progress(report.done, report.total)
        if written == 0:  # every chunk of the batch vanished meanwhile; look again
            continue
    report.seconds = round(time.monotonic() - started, 2)
    return report


class BackgroundEmbedder:
    """A daemon thread that keeps embedding until everything in scope has a vector."""

    def __init__(self, store: Any, embedder: Any, scope: str, batch_size: int, idle_seconds: float = 30.0) -> None:
        self.store, self.embedder, self.scope, self.batch_size = store, embedder, scope, batch_size
        self.idle_seconds = idle_seconds
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self._run, name="rathaus-embedder", daemon=True)
        self.status: dict[str, Any] = {"running": False, "done": 0, "total": 0}

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stop_event.set()

    def _progress(self, done: int, total: int) -> None:
        self.status.update(done=done, total=total)

    def _run(self) -> None:
        self.status["running"] = True
        while not self.stop_event.is_set():
            try:
                embed_missing(self.store, self.embedder, self.scope, self.batch_size,
                              progress=self._progress, stop=self.stop_event)
            except Exception:  # noqa: BLE001 - the thread must survive a failing model or server
                log.exception("background embedding failed; retrying later")
            self.stop_event.wait(self.idle_seconds)
        self.status["running"] = False
