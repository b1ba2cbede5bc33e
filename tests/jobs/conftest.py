"""The job queue on both backends: SQLite (jobs.sqlite) and a real PostgreSQL (tests/store/pg.py)."""

from __future__ import annotations

import pytest

from rathaus.jobs.queue import PostgresJobQueue, SQLiteJobQueue
from tests.store.pg import pg_database, pg_server, pg_url  # noqa: F401


@pytest.fixture(params=["sqlite", "postgres"])
def queue_target(request, tmp_path):
    """What a worker process needs to open the queue: ("sqlite", path) or ("postgres", url)."""
    if request.param == "sqlite":
        return "sqlite", str(tmp_path / "jobs.sqlite")
    return "postgres", request.getfixturevalue("pg_url")


def open_target(target):
    kind, where = target
    from pathlib import Path

    return SQLiteJobQueue(Path(where)) if kind == "sqlite" else PostgresJobQueue(where)


@pytest.fixture
def queue(queue_target):
    q = open_target(queue_target)
    yield q
    q.close()
