"""Conversations belong to one person: nobody else reads them, they can be deleted one by one or all at
once, and they expire after the retention period."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from rathaus.errors import NotFound
from rathaus.workspace.conversations import Conversations
from rathaus.workspace.db import MIGRATIONS


@pytest.fixture
def history(small_db):
    return Conversations(small_db("workspace", MIGRATIONS), retention_days=30)


def test_only_the_owner_reads_a_conversation(history):
    conv = history.start("anna", "internal", "  Winterdienst   Radwege ")
    history.add("anna", conv.id, "user", "Wann wird geräumt?")
    history.add("anna", conv.id, "assistant", "Ab 5 Uhr [1].", citations=[{"n": 1, "document_id": "file:x"}],
                provenance_id="p1")
    got = history.get("anna", conv.id)
    assert got.title == "Winterdienst Radwege" and [m.role for m in got.messages] == ["user", "assistant"]
    assert got.messages[1].citations[0]["document_id"] == "file:x"
    for intruder in ("ben", "admin"):
        with pytest.raises(NotFound):
            history.get(intruder, conv.id)
        with pytest.raises(NotFound):
            history.add(intruder, conv.id, "user", "eingeschmuggelt")
        with pytest.raises(NotFound):
            history.delete(intruder, conv.id)
        assert history.list(intruder) == []
    assert len(history.get("anna", conv.id).messages) == 2


def test_deleting_one_or_all(history):
    a, b = history.start("anna", "internal", "A"), history.start("anna", "internal", "B")
    history.start("ben", "internal", "C")
    history.delete("anna", a.id)
    assert [c.id for c in history.list("anna")] == [b.id]
    assert history.delete_all("anna") == 1 and history.list("anna") == []
    assert len(history.list("ben")) == 1


def test_old_conversations_expire(history):
    old = history.start("anna", "internal", "alt")
    history.db.conn().execute("UPDATE conversations SET updated_at = ? WHERE id = ?",
                              ((datetime.now(UTC) - timedelta(days=31)).isoformat(), old.id))
    assert history.list("anna") == []
    with pytest.raises(NotFound):
        history.get("anna", old.id)
    assert history.purge() == 1
    assert history.db.conn().execute("SELECT count(*) FROM messages").fetchone()[0] == 0
