"""The audit log: administrative actions and document access, who did what and when (``audit.sqlite``,
or the schema ``audit`` on PostgreSQL).

    audit.record("mmeier", "document.add", "file:bauhof/Winterdienst.pdf", collection="bauhof")
    rows = audit.entries(since=..., actor="mmeier")
    audit.export(out, "csv")                      # or "jsonl"; `rathaus audit export`

What is recorded: sign-ins (successful and failed), user, group, token and collection changes,
documents added and removed, and staff reading a document or its passages through the API. The
entry names the actor (a user name, ``operator`` for the command line, ``anonymous``), the action,
the target (a document id, collection, user or group name) and a few details; never a question,
an answer or a document's text. Entries are only ever appended; entries older than
``audit_retention_days`` are deleted when new ones are written.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TextIO

from rathaus.errors import InputError
from rathaus.store import migrations
from rathaus.store.smalldb import open_small_db
from rathaus.store.sqlitedb import SQLiteFile

OPERATOR = "operator"


def m001_audit(conn: Any) -> None:
    migrations.script(conn, """
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            target TEXT NOT NULL,
            details TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX audit_at ON audit(at);
        CREATE INDEX audit_actor ON audit(actor, at);
    """)


DATABASE = "audit"  # audit.sqlite, or the schema "audit" (store/smalldb.py)
MIGRATIONS = [("audit_001", m001_audit)]


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str
    target: str
    details: dict[str, Any]


class AuditLog:
    def __init__(self, db: str | Path | Any, retention_days: int = 365) -> None:
        """``db``: a path to a SQLite file, or an opened small database (see store/smalldb.py)."""
        self.db = SQLiteFile(db, MIGRATIONS) if isinstance(db, str | Path) else db
        self.retention = timedelta(days=retention_days)

    @classmethod
    def from_settings(cls, settings: Any) -> AuditLog:
        return cls(open_small_db(settings, DATABASE, MIGRATIONS), settings.audit_retention_days)

    def _conn(self) -> Any:
        return self.db.conn()

    def close(self) -> None:
        self.db.close()

    def record(self, actor: str, action: str, target: str = "", **details: Any) -> None:
        now = datetime.now(UTC)
        with self.db.write() as conn:
            conn.execute("DELETE FROM audit WHERE at < ?", ((now - self.retention).isoformat(timespec="seconds"),))
            conn.execute("INSERT INTO audit(at, actor, action, target, details) VALUES (?,?,?,?,?)",
                         (now.isoformat(timespec="seconds"), actor, action, target,
                          json.dumps(details, ensure_ascii=False, default=str)))

    def entries(self, since: datetime | None = None, actor: str | None = None, action: str | None = None,
                limit: int | None = None, newest_first: bool = False) -> list[AuditEntry]:
        sql, params = "SELECT id, at, actor, action, target, details FROM audit WHERE 1 = 1", []
        if since is not None:
            sql += " AND at >= ?"
            params.append(since.isoformat(timespec="seconds"))
        if actor:
            sql += " AND actor = ?"
            params.append(actor)
        if action:
            sql += " AND (action = ? OR action LIKE ?)"
            params += [action, f"{action}.%"]
        sql += " ORDER BY id DESC" if newest_first else " ORDER BY id"
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        return [AuditEntry(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]))
                for r in self._conn().execute(sql, params)]

    @staticmethod
    def export(entries: Iterable[AuditEntry], out: TextIO, fmt: str = "csv") -> int:
        """Write entries as CSV (one column per field, details as JSON) or JSON Lines; returns the count."""
        if fmt not in ("csv", "jsonl"):
            raise InputError("format must be csv or jsonl", user_message="Format muss csv oder jsonl sein.")
        count = 0
        writer = csv.writer(out) if fmt == "csv" else None
        if writer:
            writer.writerow(["id", "at", "actor", "action", "target", "details"])
        for entry in entries:
            if writer:
                writer.writerow([entry.id, entry.at, entry.actor, entry.action, entry.target,
                                 json.dumps(entry.details, ensure_ascii=False)])
            else:
                out.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
            count += 1
        return count
