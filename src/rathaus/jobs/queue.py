"""A job table that several worker processes share: each job is claimed by one worker at a time, a
worker that dies loses its claim when its lease runs out, and another worker takes the job over.

    queue = open_queue(settings)                  # PostgreSQL with RATHAUS_DATABASE_URL, else jobs.sqlite
    queue.enqueue("oparl.document", doc_id, {...})
    for job in queue.claim("worker-1", limit=4):  # leased for LEASE_SECONDS
        ...                                       # do the work (idempotently: it may run again after a crash)
        queue.complete(job)                       # False when the lease was lost meanwhile

Claiming is one statement. On PostgreSQL it selects with ``FOR UPDATE SKIP LOCKED``: concurrent
workers skip the rows another transaction is claiming instead of waiting for them, so no two
claim the same job and none blocks. On SQLite, ``BEGIN IMMEDIATE`` serialises the claims of all
processes on the machine.

A job is identified by ``(kind, key)`` while it is pending: enqueueing the same object again while
it is queued or running adds nothing. Work must be idempotent, because "at least once" is what a
crash allows: a worker may die after its work was stored but before ``complete``. Upserting a
document with the same content hash changes nothing, which makes the sync's jobs safe to repeat.
Each claim counts as an attempt; a job that keeps failing (or keeps killing its worker) is marked
``failed`` after MAX_ATTEMPTS, with its last error, and is not tried again.
"""

from __future__ import annotations

import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

LEASE_SECONDS = 300.0
MAX_ATTEMPTS = 3
STATES = ("queued", "running", "done", "failed")


@dataclass(frozen=True)
class Job:
    id: int
    kind: str
    key: str
    payload: dict[str, Any]
    attempts: int
    worker: str


def worker_name() -> str:
    """host:pid, unique among running workers."""
    return f"{socket.gethostname()}:{os.getpid()}"


class JobQueue(Protocol):
    def enqueue(self, kind: str, key: str, payload: dict[str, Any] | None = None) -> bool: ...
    def claim(self, worker: str, kinds: tuple[str, ...] = (), limit: int = 1,
              lease_seconds: float = LEASE_SECONDS) -> list[Job]: ...
    def extend(self, job: Job, lease_seconds: float = LEASE_SECONDS) -> bool: ...
    def complete(self, job: Job) -> bool: ...
    def fail(self, job: Job, error: str) -> bool: ...
    def counts(self, kinds: tuple[str, ...] = ()) -> dict[str, int]: ...
    def failures(self, kinds: tuple[str, ...] = ()) -> list[tuple[str, str]]: ...
    def clear(self, kinds: tuple[str, ...], states: tuple[str, ...] = ("done", "failed")) -> int: ...
    def release(self, worker: str) -> int: ...
    def running_workers(self) -> list[str]: ...
    def close(self) -> None: ...


def open_queue(settings: Any) -> JobQueue:
    if getattr(settings, "database_url", ""):
        return PostgresJobQueue(settings.database_url)
    return SQLiteJobQueue(Path(settings.data_dir) / "jobs.sqlite")


def _job(row: Any) -> Job:
    payload = row[3] if isinstance(row[3], dict) else json.loads(row[3] or "{}")
    return Job(int(row[0]), row[1], row[2], payload, int(row[4]), row[5])


def _kinds_sql(kinds: tuple[str, ...], mark: str) -> tuple[str, list[str]]:
    return (f" AND kind IN ({','.join([mark] * len(kinds))})", list(kinds)) if kinds else ("", [])


# -- SQLite ------------------------------------------------------------------------------------------
def _sqlite_001(conn: Any) -> None:
    conn.execute("""CREATE TABLE jobs (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, key TEXT NOT NULL,
                    payload TEXT NOT NULL DEFAULT '{}', state TEXT NOT NULL DEFAULT 'queued', attempts INTEGER
                    NOT NULL DEFAULT 0, worker TEXT NOT NULL DEFAULT '', lease_until REAL, error TEXT,
                    created REAL NOT NULL, finished REAL)""")
    conn.execute("CREATE UNIQUE INDEX jobs_pending ON jobs(kind, key) WHERE state IN ('queued', 'running')")
    conn.execute("CREATE INDEX jobs_state ON jobs(state, id)")


class SQLiteJobQueue:
    """Jobs in ``jobs.sqlite`` in the data directory: for the worker processes of one machine."""

    def __init__(self, path: Path) -> None:
        from rathaus.store.sqlitedb import SQLiteFile

        self.db = SQLiteFile(path, [("jobs_001", _sqlite_001)])

    def enqueue(self, kind: str, key: str, payload: dict[str, Any] | None = None) -> bool:
        with self.db.write() as conn:
            cur = conn.execute("INSERT INTO jobs (kind, key, payload, created) VALUES (?, ?, ?, ?) "
                               "ON CONFLICT DO NOTHING", (kind, key, json.dumps(payload or {}), time.time()))
            return cur.rowcount == 1

    def claim(self, worker: str, kinds: tuple[str, ...] = (), limit: int = 1,
              lease_seconds: float = LEASE_SECONDS) -> list[Job]:
        where, params = _kinds_sql(kinds, "?")
        now = time.time()
        with self.db.write() as conn:
            self._give_up(conn, now)
            rows = conn.execute(
                f"UPDATE jobs SET state = 'running', worker = ?, lease_until = ?, attempts = attempts + 1 "
                f"WHERE id IN (SELECT id FROM jobs WHERE (state = 'queued' OR (state = 'running' AND lease_until < ?))"
                f"{where} ORDER BY id LIMIT ?) RETURNING id, kind, key, payload, attempts, worker",
                [worker, now + lease_seconds, now, *params, limit]).fetchall()
        return sorted((_job(r) for r in rows), key=lambda j: j.id)

    @staticmethod
    def _give_up(conn: Any, now: float) -> None:
        conn.execute("UPDATE jobs SET state = 'failed', finished = ?, error = coalesce(error, "
                     "'the worker stopped (lease expired) on every attempt') "
                     "WHERE state = 'running' AND lease_until < ? AND attempts >= ?", (now, now, MAX_ATTEMPTS))

    def _owned(self, sql: str, job: Job, params: list[Any]) -> bool:
        with self.db.write() as conn:
            cur = conn.execute(f"{sql} WHERE id = ? AND worker = ? AND state = 'running' AND attempts = ?",
                               [*params, job.id, job.worker, job.attempts])
            return cur.rowcount == 1

    def extend(self, job: Job, lease_seconds: float = LEASE_SECONDS) -> bool:
        return self._owned("UPDATE jobs SET lease_until = ?", job, [time.time() + lease_seconds])

    def complete(self, job: Job) -> bool:
        return self._owned("UPDATE jobs SET state = 'done', finished = ?, error = NULL", job, [time.time()])

    def fail(self, job: Job, error: str) -> bool:
        state = "failed" if job.attempts >= MAX_ATTEMPTS else "queued"
        return self._owned("UPDATE jobs SET state = ?, error = ?, lease_until = NULL, finished = ?", job,
                           [state, error[:1000], time.time() if state == "failed" else None])

    def counts(self, kinds: tuple[str, ...] = ()) -> dict[str, int]:
        where, params = _kinds_sql(kinds, "?")
        rows = self.db.conn().execute(f"SELECT state, count(*) FROM jobs WHERE 1{where} GROUP BY state", params)
        return {state: 0 for state in STATES} | dict(rows.fetchall())

    def failures(self, kinds: tuple[str, ...] = ()) -> list[tuple[str, str]]:
        where, params = _kinds_sql(kinds, "?")
        return [(k, e or "") for k, e in self.db.conn().execute(
            f"SELECT key, error FROM jobs WHERE state = 'failed'{where} ORDER BY id", params)]

    def clear(self, kinds: tuple[str, ...], states: tuple[str, ...] = ("done", "failed")) -> int:
        where, params = _kinds_sql(kinds, "?")
        with self.db.write() as conn:
            return conn.execute(f"DELETE FROM jobs WHERE state IN ({','.join('?' * len(states))}){where}",
                                [*states, *params]).rowcount

    def release(self, worker: str) -> int:
        """Give a worker's running jobs back at once, when it is known to have stopped (no lease wait)."""
        with self.db.write() as conn:
            return conn.execute("UPDATE jobs SET state = 'queued', lease_until = NULL WHERE state = 'running' "
                                "AND worker = ?", (worker,)).rowcount

    def running_workers(self) -> list[str]:
        return [w for (w,) in self.db.conn().execute("SELECT DISTINCT worker FROM jobs WHERE state = 'running'")]

    def close(self) -> None:
        self.db.close()


# -- PostgreSQL --------------------------------------------------------------------------------------
def _pg_001(conn: Any) -> None:
    conn.execute("""CREATE TABLE jobs (id bigserial PRIMARY KEY, kind text NOT NULL, key text NOT NULL,
                    payload jsonb NOT NULL DEFAULT '{}', state text NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'running', 'done', 'failed')), attempts integer NOT NULL DEFAULT 0,
                    worker text NOT NULL DEFAULT '', lease_until timestamptz, error text,
                    created timestamptz NOT NULL DEFAULT now(), finished timestamptz)""")
    conn.execute("CREATE UNIQUE INDEX jobs_pending ON jobs(kind, key) WHERE state IN ('queued', 'running')")
    conn.execute("CREATE INDEX jobs_state ON jobs(state, id)")


class PostgresJobQueue:
    """Jobs in the store's PostgreSQL database: for workers on any number of machines. Times come from
    the database's clock, so the workers' clocks do not matter."""

    def __init__(self, url: str, timeout: float = 10.0) -> None:
        import threading

        from rathaus.store.migrations import postgres as pg_migrations
        from rathaus.store.pgdb import Target, connect

        self.target = Target(url)
        self._connect = lambda: connect(self.target, timeout)
        self._lock = threading.Lock()  # one connection, used by one thread at a time
        self.conn = self._connect()
        pg_migrations.apply(self.conn, self.target, [("jobs_001", _pg_001)])

    def _run(self, sql: str, params: list[Any]) -> Any:
        from psycopg import errors as pgerrors

        from rathaus.store.pgdb import translated

        with self._lock, translated(self.target):
            if self.conn.closed:
                self.conn = self._connect()
            try:
                return self.conn.execute(sql, params)
            except pgerrors.OperationalError:  # the server restarted: one new connection, one more try
                self.conn = self._connect()
                return self.conn.execute(sql, params)

    def enqueue(self, kind: str, key: str, payload: dict[str, Any] | None = None) -> bool:
        cur = self._run("INSERT INTO jobs (kind, key, payload) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                        [kind, key, json.dumps(payload or {})])
        return cur.rowcount == 1

    def claim(self, worker: str, kinds: tuple[str, ...] = (), limit: int = 1,
              lease_seconds: float = LEASE_SECONDS) -> list[Job]:
        where, params = _kinds_sql(kinds, "%s")
        self._run("UPDATE jobs SET state = 'failed', finished = now(), error = coalesce(error, "
                  "'the worker stopped (lease expired) on every attempt') "
                  "WHERE state = 'running' AND lease_until < now() AND attempts >= %s", [MAX_ATTEMPTS])
        rows = self._run(
            f"UPDATE jobs SET state = 'running', worker = %s, attempts = attempts + 1, "
            f"lease_until = now() + make_interval(secs => %s) "
            f"WHERE id IN (SELECT id FROM jobs WHERE (state = 'queued' OR (state = 'running' AND lease_until < now()))"
            f"{where} ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED) RETURNING id, kind, key, payload, attempts, worker",
            [worker, lease_seconds, *params, limit]).fetchall()
        return sorted((_job(r) for r in rows), key=lambda j: j.id)

    def _owned(self, sql: str, job: Job, params: list[Any]) -> bool:
        cur = self._run(f"{sql} WHERE id = %s AND worker = %s AND state = 'running' AND attempts = %s",
                        [*params, job.id, job.worker, job.attempts])
        return cur.rowcount == 1

    def extend(self, job: Job, lease_seconds: float = LEASE_SECONDS) -> bool:
        return self._owned("UPDATE jobs SET lease_until = now() + make_interval(secs => %s)", job, [lease_seconds])

    def complete(self, job: Job) -> bool:
        return self._owned("UPDATE jobs SET state = 'done', finished = now(), error = NULL", job, [])

    def fail(self, job: Job, error: str) -> bool:
        state = "failed" if job.attempts >= MAX_ATTEMPTS else "queued"
        return self._owned("UPDATE jobs SET state = %s, error = %s, lease_until = NULL, "
                           "finished = CASE WHEN %s = 'failed' THEN now() END", job, [state, error[:1000], state])

    def counts(self, kinds: tuple[str, ...] = ()) -> dict[str, int]:
        where, params = _kinds_sql(kinds, "%s")
        rows = self._run(f"SELECT state, count(*) FROM jobs WHERE true{where} GROUP BY state", params).fetchall()
        return {state: 0 for state in STATES} | {s: int(n) for s, n in rows}

    def failures(self, kinds: tuple[str, ...] = ()) -> list[tuple[str, str]]:
        where, params = _kinds_sql(kinds, "%s")
        return [(k, e or "") for k, e in self._run(
            f"SELECT key, error FROM jobs WHERE state = 'failed'{where} ORDER BY id", params).fetchall()]

    def clear(self, kinds: tuple[str, ...], states: tuple[str, ...] = ("done", "failed")) -> int:
        where, params = _kinds_sql(kinds, "%s")
        return self._run(f"DELETE FROM jobs WHERE state IN ({','.join(['%s'] * len(states))}){where}",
                         [*states, *params]).rowcount

    def release(self, worker: str) -> int:
        """Give a worker's running jobs back at once, when it is known to have stopped (no lease wait)."""
        return self._run("UPDATE jobs SET state = 'queued', lease_until = NULL WHERE state = 'running' "
                         "AND worker = %s", [worker]).rowcount

    def running_workers(self) -> list[str]:
        return [w for (w,) in self._run("SELECT DISTINCT worker FROM jobs WHERE state = 'running'", []).fetchall()]

    def close(self) -> None:
        self.conn.close()
