"""The worker loop: claim a job, run its handler, mark it done (or failed), repeat.

    report = run_worker(queue, {"oparl.document": handler}, once=True)   # until the queue is empty

A handler is ``handler(job)``; it raises to fail the job (it is tried again, up to MAX_ATTEMPTS).
While a handler runs, a heartbeat keeps the job's lease alive, so only a worker that really stopped
(killed, machine gone) loses its jobs to others. ``rathaus worker`` runs this loop with the
product's handlers (jobs/handlers.py).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from rathaus.errors import RathausError
from rathaus.jobs.queue import LEASE_SECONDS, Job, JobQueue, worker_name

log = logging.getLogger(__name__)
Handler = Callable[[Job], Any]
OUTAGE_SECONDS = 60.0  # how long a worker waits for an unreachable job table before it gives up


@dataclass
class WorkerReport:
    worker: str
    done: int = 0
    failed: int = 0
    lost: int = 0  # finished, but the lease had passed to another worker meanwhile
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def run_worker(queue: JobQueue, handlers: dict[str, Handler], *, worker: str | None = None, once: bool = False,
               idle_seconds: float = 1.0, lease_seconds: float = LEASE_SECONDS,
               stop: threading.Event | None = None) -> WorkerReport:
    """Process jobs of the handlers' kinds. ``once``: return when no job is left to claim; otherwise
    wait for new jobs until ``stop`` is set."""
    report = WorkerReport(worker or worker_name())
    stop = stop or threading.Event()
    started = time.monotonic()
    kinds = tuple(sorted(handlers))
    while not stop.is_set():
        jobs = _patiently(lambda: queue.claim(report.worker, kinds, limit=1, lease_seconds=lease_seconds), stop)
        if not jobs:
            if once:
                break
            stop.wait(idle_seconds)
            continue
        job = jobs[0]
        beat = _Heartbeat(queue, job, lease_seconds)
        try:
            handlers[job.kind](job)
        except Exception as exc:  # noqa: BLE001 - any failure of one job must not stop the worker
            beat.stop()
            log.warning("job %s %s failed (attempt %d): %s: %s", job.kind, job.key, job.attempts,
                        type(exc).__name__, exc)
            try:
                queue.fail(job, f"{type(exc).__name__}: {exc}")
            except RathausError:  # the job table is unreachable too: the lease runs out and the job comes back
                log.warning("could not record the failure of job %s", job.id)
            report.failed += 1
            report.errors.append(f"{job.key}: {type(exc).__name__}: {exc}")
            continue
        beat.stop()
        if _patiently(partial(queue.complete, job), stop):  # the work is stored: keep trying to say so
            report.done += 1
        else:
            report.lost += 1
            log.warning("job %s %s finished after its lease passed to another worker", job.kind, job.key)
    report.seconds = round(time.monotonic() - started, 2)
    return report


def _patiently(call: Callable[[], Any], stop: threading.Event) -> Any:
    """``call()``, tried again every 2 s while the job table is unreachable (the database restarting), for
    up to OUTAGE_SECONDS."""
    waited = 0.0
    while True:
        try:
            return call()
        except RathausError as exc:
            if waited >= OUTAGE_SECONDS:
                raise
            log.warning("the job table is unreachable, trying again: %s", exc)
            stop.wait(2.0)
            waited += 2.0


class _Heartbeat:
    """Extends a running job's lease every third of its length until stopped."""

    def __init__(self, queue: JobQueue, job: Job, lease_seconds: float) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, args=(queue, job, lease_seconds), daemon=True)
        self._thread.start()

    def _beat(self, queue: JobQueue, job: Job, lease_seconds: float) -> None:
        while not self._stop.wait(lease_seconds / 3):
            try:
                if not queue.extend(job, lease_seconds):
                    return
            except Exception:  # noqa: BLE001 - the database may be restarting; the next beat tries again
                log.debug("heartbeat for job %s failed", job.id, exc_info=True)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
