"""Where the small databases of their own live (accounts and sessions, audit log, answer
provenance, workspace): a SQLite file in the data directory, or, when the store is PostgreSQL, a
schema of the same name in that database, so API processes on several machines share them.

    db = open_small_db(settings, "identity", MIGRATIONS)   # identity.sqlite, or schema "identity"
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rathaus.plugins import store_name


def open_small_db(settings: Any, name: str, migrations: list[tuple[str, Any]]) -> Any:
    if store_name(settings) == "postgres":
        from rathaus.store.pgfile import PostgresFile

        return PostgresFile(settings.database_url, name, migrations)
    from rathaus.store.sqlitedb import SQLiteFile

    return SQLiteFile(Path(settings.data_dir) / f"{name}.sqlite", migrations)
