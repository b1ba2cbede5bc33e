"""Provenance records and feedback, in a small database of their own (``answers.sqlite``, or the schema
``answers`` on PostgreSQL: store/smalldb.py).

Every answer gets a record: the question (personal data in it replaced by its type, e.g. "[PHONE]"),
the assistant profile, backend and model, the privacy policy's routing decision, the prompt
version, the numbered source chunks with their text hashes, which of them were cited, whether it
refused, and the time. That is enough to trace an answer to its inputs. No client address, user
agent or cookie is stored. The answer text itself is stored only with ``store_answers`` (off by
default: no conversation is kept on the server). Records older than the retention period are
deleted. Feedback is a vote and a reason from a fixed list, with no free text, so it cannot carry
personal data. An answer has at most one feedback: a second vote replaces the first (a citizen who
changes their mind, or a script replaying the same id, counts once).

Operators read it with ``rathaus answers report`` (votes and reasons per assistant, refusal rate, the
answers voted down) and ``rathaus answers show ID`` (one record with its sources).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from rathaus.errors import InputError, NotFound
from rathaus.store import migrations
from rathaus.store.smalldb import open_small_db
from rathaus.store.sqlitedb import SQLiteFile

FEEDBACK_REASONS = ("hilfreich", "falsch", "unvollstaendig", "veraltet", "unverstaendlich", "quelle_passt_nicht",
                    "sonstiges")

# The first release's schema; files written by it open as they are (CREATE … IF NOT EXISTS).
SCHEMA = """
CREATE TABLE IF NOT EXISTS provenance (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    assistant TEXT NOT NULL,
    backend TEXT NOT NULL,
    model TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    question TEXT NOT NULL,
    sources TEXT NOT NULL,      -- JSON: [{n, chunk_id, document_id, text_hash}]
    cited TEXT NOT NULL,        -- JSON: [n, ...]
    refused INTEGER NOT NULL,
    answer TEXT                 -- only with store_answers
);
CREATE INDEX IF NOT EXISTS provenance_created ON provenance(created_at);
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY,
    provenance_id TEXT NOT NULL REFERENCES provenance(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    vote INTEGER NOT NULL CHECK (vote IN (-1, 1)),
    reason TEXT NOT NULL
);
"""


def m001_answers(conn: Any) -> None:
    migrations.script(conn, SCHEMA)


def m002_one_feedback_per_answer(conn: Any) -> None:
    """One feedback per answer; where older files hold several, the newest stays."""
    conn.execute("DELETE FROM feedback WHERE id NOT IN (SELECT max(id) FROM feedback GROUP BY provenance_id)")
    conn.execute("CREATE UNIQUE INDEX IF NOT EXISTS feedback_one_per_answer ON feedback(provenance_id)")


def m003_routing(conn: Any) -> None:
    """The privacy policy's decision per answer (privacy/policy.py Route.record), as JSON."""
    if "routing" not in {column[0] for column in conn.execute("SELECT * FROM provenance LIMIT 0").description}:
        conn.execute("ALTER TABLE provenance ADD COLUMN routing TEXT")


DATABASE = "answers"  # answers.sqlite, or the schema "answers" (store/smalldb.py)
MIGRATIONS = [("answers_001", m001_answers), ("answers_002_one_feedback", m002_one_feedback_per_answer),
              ("answers_003_routing", m003_routing)]


@dataclass
class ProvenanceRecord:
    id: str
    created_at: str
    assistant: str
    backend: str
    model: str
    prompt_version: str
    question: str
    sources: list[dict[str, Any]]
    cited: list[int]
    refused: bool
    answer: str | None
    routing: dict[str, Any] | None = None


@dataclass
class AssistantReport:
    assistant: str
    answers: int
    refused: int
    helpful: int = 0
    not_helpful: int = 0
    reasons: dict[str, int] = field(default_factory=dict)


class ProvenanceLog:
    def __init__(self, db: str | Path | Any, retention_days: int = 30, store_answers: bool = False) -> None:
        """``db``: a path to a SQLite file, or an opened small database (see store/smalldb.py)."""
        self.db = SQLiteFile(db, MIGRATIONS) if isinstance(db, str | Path) else db
        self.path = self.db.path
        self.retention = timedelta(days=retention_days)
        self.store_answers = store_answers

    @classmethod
    def from_settings(cls, settings: Any) -> ProvenanceLog:
        return cls(open_small_db(settings, DATABASE, MIGRATIONS), settings.provenance_retention_days,
                   settings.store_answers)

    def _conn(self) -> Any:
        return self.db.conn()

    def record(self, *, assistant: str, backend: str, model: str, prompt_version: str, question: str,
               sources: list[dict[str, Any]], cited: list[int], refused: bool, answer: str,
               routing: dict[str, Any] | None = None) -> str:
        record_id = uuid.uuid4().hex
        now = datetime.now(UTC)
        with self.db.write() as conn:
            conn.execute("DELETE FROM provenance WHERE created_at < ?", ((now - self.retention).isoformat(),))
            conn.execute("INSERT INTO provenance(id, created_at, assistant, backend, model, prompt_version, question, "
                         "sources, cited, refused, answer, routing) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", (
                record_id, now.isoformat(timespec="seconds"), assistant, backend, model, prompt_version, question,
                json.dumps(sources), json.dumps(cited), int(refused), answer if self.store_answers else None,
                json.dumps(routing) if routing is not None else None))
        return record_id

    def get(self, record_id: str) -> ProvenanceRecord:
        row = self._conn().execute("SELECT id, created_at, assistant, backend, model, prompt_version, question, "
                                   "sources, cited, refused, answer, routing FROM provenance WHERE id = ?",
                                   (record_id,)).fetchone()
        if row is None:
            raise NotFound(f"no provenance record {record_id!r}")
        return ProvenanceRecord(row[0], row[1], row[2], row[3], row[4], row[5], row[6], json.loads(row[7]),
                                json.loads(row[8]), bool(row[9]), row[10], json.loads(row[11]) if row[11] else None)

    def add_feedback(self, record_id: str, vote: int, reason: str) -> None:
        if vote not in (-1, 1):
            raise InputError("vote must be 1 (helpful) or -1 (not helpful)",
                             user_message="Bitte bewerten Sie mit Daumen hoch oder runter.")
        if reason not in FEEDBACK_REASONS:
            raise InputError(f"reason must be one of {', '.join(FEEDBACK_REASONS)}",
                             user_message="Bitte wählen Sie einen Grund aus der Liste.")
        self.get(record_id)  # NotFound for unknown or expired answers
        with self.db.write() as conn:
            conn.execute("INSERT INTO feedback(provenance_id, created_at, vote, reason) VALUES (?,?,?,?) "
                         "ON CONFLICT(provenance_id) DO UPDATE SET created_at = excluded.created_at, "
                         "vote = excluded.vote, reason = excluded.reason",
                         (record_id, datetime.now(UTC).isoformat(timespec="seconds"), vote, reason))

    def feedback_summary(self) -> dict[str, int]:
        rows = self._conn().execute("SELECT reason, count(*) FROM feedback GROUP BY reason").fetchall()
        return {r: n for r, n in rows}

    def report(self, since: datetime | None = None) -> list[AssistantReport]:
        """Per assistant: answers, refusals, votes and reasons since ``since`` (default: all kept records)."""
        after = (since or datetime.min.replace(tzinfo=UTC)).isoformat(timespec="seconds")
        conn = self._conn()
        reports: dict[str, AssistantReport] = {}
        for assistant, answers, refused in conn.execute(
                "SELECT assistant, count(*), sum(refused) FROM provenance WHERE created_at >= ? "
                "GROUP BY assistant ORDER BY assistant", (after,)):
            reports[assistant] = AssistantReport(assistant, answers, refused or 0)
        for assistant, vote, reason, n in conn.execute(
                "SELECT p.assistant, f.vote, f.reason, count(*) FROM feedback f JOIN provenance p "
                "ON p.id = f.provenance_id WHERE p.created_at >= ? GROUP BY 1, 2, 3", (after,)):
            report = reports[assistant]
            if vote > 0:
                report.helpful += n
            else:
                report.not_helpful += n
            report.reasons[reason] = report.reasons.get(reason, 0) + n
        return list(reports.values())

    def voted_down(self, since: datetime | None = None, limit: int = 20) -> list[tuple[ProvenanceRecord, str]]:
        """The newest answers voted down, with their reason: what an editor should look at first."""
        after = (since or datetime.min.replace(tzinfo=UTC)).isoformat(timespec="seconds")
        rows = self._conn().execute(
            "SELECT p.id, f.reason FROM feedback f JOIN provenance p ON p.id = f.provenance_id "
            "WHERE f.vote < 0 AND p.created_at >= ? ORDER BY f.created_at DESC, f.id DESC LIMIT ?",
            (after, limit)).fetchall()
        return [(self.get(record_id), reason) for record_id, reason in rows]

    def answer_counts(self, since: datetime) -> list[tuple[str, str, bool, int | None]]:
        """(day, assistant, refused, vote or None) for every answer since ``since``: counts, no content."""
        return [(r[0], r[1], bool(r[2]), r[3]) for r in self._conn().execute(
            "SELECT substr(p.created_at, 1, 10), p.assistant, p.refused, f.vote FROM provenance p "
            "LEFT JOIN feedback f ON f.provenance_id = p.id WHERE p.created_at >= ?",
            (since.isoformat(timespec="seconds"),))]

    def feedback_for(self, record_id: str) -> tuple[int, str] | None:
        row = self._conn().execute("SELECT vote, reason FROM feedback WHERE provenance_id = ?",
                                   (record_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def close(self) -> None:
        self.db.close()
