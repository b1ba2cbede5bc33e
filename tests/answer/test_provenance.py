"""The provenance log's own rules: one feedback per answer, also in files written before that rule,
retention, and the operator's report."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest

from rathaus.answer.provenance import MIGRATIONS, SCHEMA, ProvenanceLog
from rathaus.errors import InputError, NotFound


def record(log: ProvenanceLog, assistant: str = "public", refused: bool = False) -> str:
    return log.record(assistant=assistant, backend="extractive", model="extractive", prompt_version="p1",
                      question="Was kostet ein Personalausweis?",
                      sources=[{"n": 1, "chunk_id": 7, "document_id": "service:demo/a.md", "text_hash": "0" * 64}],
                      cited=[] if refused else [1], refused=refused, answer="…")


def test_a_file_from_before_the_one_feedback_rule_keeps_the_newest_vote(tmp_path):
    path = tmp_path / "answers.sqlite"
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA)
    conn.execute("INSERT INTO provenance(id, created_at, assistant, backend, model, prompt_version, question, sources, "
                 "cited, refused, answer) VALUES ('a', '2026-11-20T10:00:00+00:00', 'public', 'extractive', 'x', "
                 "'p1', 'Frage', '[]', '[]', 0, NULL)")
    conn.executemany("INSERT INTO feedback(provenance_id, created_at, vote, reason) VALUES ('a', ?, ?, ?)",
                     [("2026-11-20T10:01:00+00:00", 1, "hilfreich"), ("2026-11-20T10:02:00+00:00", -1, "falsch")])
    conn.commit()
    conn.close()
    log = ProvenanceLog(path, retention_days=3650)
    assert log.feedback_summary() == {"falsch": 1}
    assert log.get("a").question == "Frage"  # the answer records themselves are untouched
    log.add_feedback("a", 1, "hilfreich")
    assert log.feedback_for("a") == (1, "hilfreich")
    log.close()
    assert ProvenanceLog(path, retention_days=3650).feedback_summary() == {"hilfreich": 1}  # reopening is a no-op


def test_report_counts_answers_refusals_and_votes_per_assistant(small_db):
    log = ProvenanceLog(small_db("answers", MIGRATIONS))
    a, b, c = record(log), record(log, refused=True), record(log, assistant="intern")
    log.add_feedback(a, -1, "unvollstaendig")
    log.add_feedback(b, -1, "falsch")
    log.add_feedback(c, 1, "hilfreich")
    reports = {r.assistant: r for r in log.report()}
    assert (reports["public"].answers, reports["public"].refused) == (2, 1)
    assert (reports["public"].helpful, reports["public"].not_helpful) == (0, 2)
    assert reports["public"].reasons == {"unvollstaendig": 1, "falsch": 1}
    assert reports["intern"].helpful == 1 and reports["intern"].refused == 0
    down = log.voted_down()
    assert [r.id for r, _ in down] == [b, a] and [reason for _, reason in down] == ["falsch", "unvollstaendig"]
    assert log.report(since=datetime.now(UTC) + timedelta(minutes=1)) == []
    assert log.feedback_for(record(log)) is None


def test_feedback_needs_a_known_answer_and_a_listed_reason(small_db):
    log = ProvenanceLog(small_db("answers", MIGRATIONS))
    with pytest.raises(NotFound):
        log.add_feedback("0" * 32, 1, "hilfreich")
    with pytest.raises(InputError):
        log.add_feedback(record(log), 1, "Herr Müller war unfreundlich")  # no free text
    with pytest.raises(InputError):
        log.add_feedback(record(log), 0, "hilfreich")
    assert log.feedback_summary() == {}


def test_records_older_than_the_retention_are_deleted_with_their_feedback(small_db):
    log = ProvenanceLog(small_db("answers", MIGRATIONS), retention_days=1)
    old = record(log)
    log.add_feedback(old, 1, "hilfreich")
    log._conn().execute("UPDATE provenance SET created_at = ? WHERE id = ?",
                        ((datetime.now(UTC) - timedelta(days=2)).isoformat(), old))
    record(log)  # writing a record prunes what is past the retention
    with pytest.raises(NotFound):
        log.get(old)
    assert log.feedback_summary() == {}
