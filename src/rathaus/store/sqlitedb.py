"""SQLite plumbing shared by the store and the sources' state files: one driver, one way to connect,
one way to write (a lock for this process, ``BEGIN IMMEDIATE`` for the others)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

try:  # a build of SQLite that can load extensions (the stdlib one often cannot)
    import pysqlite3.dbapi2 as sqlite3
except ImportError:  # pragma: no cover - other platforms
    import sqlite3  # type: ignore[no-redef]


def connect(path: Path, *, extensions: bool = False) -> Any:
    """An autocommit connection in WAL mode that waits up to a minute for another writer."""
    conn = sqlite3.connect(str(path), timeout=60, isolation_level=None, check_same_thread=False)
    if extensions:
        import sqlite_vec

        conn.enable_load_extension(True)
        sqlite_vec.load(conn)
        conn.enable_load_extension(False)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=60000")
    return conn


@contextmanager
def write_transaction(conn: Any, lock: threading.RLock) -> Iterator[Any]:
    """One write transaction: commits on success, rolls back on any exception."""
    with lock:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


class SQLiteFile:
    """A small SQLite database of its own (accounts, audit log, workspace): its numbered migrations applied
    on opening, one connection per thread, writes through ``write()``."""

    def __init__(self, path: str | Path, migrations_: list[tuple[str, Any]]) -> None:
        from rathaus.store import migrations

        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self.lock = threading.RLock()
        migrations.apply(self.conn(), migrations_)

    def conn(self) -> Any:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = connect(self.path)
        return conn

    def write(self) -> Any:
        """A write transaction (see ``write_transaction``)."""
        return write_transaction(self.conn(), self.lock)

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
