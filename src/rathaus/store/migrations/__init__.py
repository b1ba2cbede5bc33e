"""Numbered schema migrations, applied at start-up, each once and in its own transaction."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Migration = Callable[[Any], None]


def script(conn: Any, sql: str) -> None:
    """Run several statements inside the caller's transaction (``executescript`` would commit it)."""
    for statement in sql.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def apply(conn: Any, migrations: list[tuple[str, Migration]]) -> list[str]:
    """Apply the migrations not yet recorded in ``_migrations``; return the names applied."""
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    done = {row[0] for row in conn.execute("SELECT name FROM _migrations")}
    applied = []
    for name, fn in migrations:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if name in {row[0] for row in conn.execute("SELECT name FROM _migrations")}:
                conn.execute("ROLLBACK")  # another process won the race
                continue
            fn(conn)
            conn.execute("INSERT INTO _migrations VALUES (?, datetime('now'))", (name,))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied
