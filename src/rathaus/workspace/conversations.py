"""Each staff member's conversations with the internal assistant.

    history = Conversations(db, retention_days=90)
    conv = history.start("mmeier", "internal", "Winterdienst")
    history.add("mmeier", conv.id, "user", "Wann räumt der Bauhof?")
    history.add("mmeier", conv.id, "assistant", answer, citations=[...], provenance_id="…")

Every read and write names the user, and a conversation is found only together with its owner:
there is no way in the product, for an administrator either, to read another person's chats.
A user deletes one conversation or all of theirs (DSGVO Art. 17: right to erasure); conversations
untouched for ``retention_days`` are deleted automatically. Citizens' questions to the public
assistant are never stored here.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from rathaus.errors import InputError, NotFound

MAX_TITLE = 120


@dataclass(frozen=True)
class Message:
    role: str
    text: str
    citations: list[dict[str, Any]]
    provenance_id: str | None
    created_at: str


@dataclass(frozen=True)
class Conversation:
    id: str
    title: str
    assistant: str
    created_at: str
    updated_at: str
    messages: list[Message] = field(default_factory=list)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Conversations:
    def __init__(self, db: Any, retention_days: int = 90) -> None:
        self.db = db
        self.retention = timedelta(days=retention_days)

    def purge(self) -> int:
        """Delete conversations untouched for longer than the retention period; returns how many."""
        cutoff = (datetime.now(UTC) - self.retention).isoformat(timespec="seconds")
        with self.db.write() as conn:
            return conn.execute("DELETE FROM conversations WHERE updated_at < ?", (cutoff,)).rowcount

    def start(self, user: str, assistant: str, title: str) -> Conversation:
        title = " ".join(title.split())[:MAX_TITLE] or "Unterhaltung"
        now = _now()
        conv_id = uuid.uuid4().hex
        self.purge()
        with self.db.write() as conn:
            conn.execute("INSERT INTO conversations VALUES (?,?,?,?,?,?)", (conv_id, user, title, assistant, now, now))
        return Conversation(conv_id, title, assistant, now, now)

    def add(self, user: str, conversation_id: str, role: str, text: str, *,
            citations: list[dict[str, Any]] | None = None, provenance_id: str | None = None) -> None:
        if role not in ("user", "assistant"):
            raise InputError(f"role must be user or assistant, not {role!r}")
        self._owned(user, conversation_id)
        now = _now()
        with self.db.write() as conn:
            conn.execute("INSERT INTO messages(conversation_id, role, text, citations, provenance_id, created_at) "
                         "VALUES (?,?,?,?,?,?)", (conversation_id, role, text, json.dumps(citations or [],
                                                                                       ensure_ascii=False),
                                                  provenance_id, now))
            conn.execute("UPDATE conversations SET updated_at = ? WHERE id = ?", (now, conversation_id))

    def list(self, user: str) -> list[Conversation]:
        rows = self.db.conn().execute(
            "SELECT id, title, assistant, created_at, updated_at FROM conversations WHERE user_name = ? "
            "AND updated_at >= ? ORDER BY updated_at DESC, id", (user, self._cutoff())).fetchall()
        return [Conversation(*r) for r in rows]

    def get(self, user: str, conversation_id: str) -> Conversation:
        head = self._owned(user, conversation_id)
        messages = [Message(r[0], r[1], json.loads(r[2]), r[3], r[4]) for r in self.db.conn().execute(
            "SELECT role, text, citations, provenance_id, created_at FROM messages WHERE conversation_id = ? "
            "ORDER BY id", (conversation_id,))]
        return Conversation(*head, messages=messages)

    def rename(self, user: str, conversation_id: str, title: str) -> None:
        self._owned(user, conversation_id)
        with self.db.write() as conn:
            conn.execute("UPDATE conversations SET title = ? WHERE id = ?",
                         (" ".join(title.split())[:MAX_TITLE] or "Unterhaltung", conversation_id))

    def delete(self, user: str, conversation_id: str) -> None:
        self._owned(user, conversation_id)
        with self.db.write() as conn:
            conn.execute("DELETE FROM conversations WHERE id = ? AND user_name = ?", (conversation_id, user))

    def delete_all(self, user: str) -> int:
        with self.db.write() as conn:
            return conn.execute("DELETE FROM conversations WHERE user_name = ?", (user,)).rowcount

    def _cutoff(self) -> str:
        return (datetime.now(UTC) - self.retention).isoformat(timespec="seconds")

    def _owned(self, user: str, conversation_id: str) -> tuple[str, str, str, str, str]:
        row = self.db.conn().execute(
            "SELECT id, title, assistant, created_at, updated_at FROM conversations WHERE id = ? AND user_name = ? "
            "AND updated_at >= ?", (conversation_id, user, self._cutoff())).fetchone()
        if row is None:  # someone else's conversation looks exactly like a missing one
            raise NotFound(f"no conversation {conversation_id!r}")
        return row
