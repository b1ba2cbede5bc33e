"""Moving an installation, second part: the small databases (accounts and sessions, audit log, answer
log, workspace) copied from their SQLite files into their PostgreSQL schemas by `rathaus db
copy-to-postgres`, verified, and usable from PostgreSQL afterwards: a token and a session made before
the move still work, and new rows get fresh ids."""

from __future__ import annotations

import psycopg
import pytest
from typer.testing import CliRunner

from rathaus.answer.provenance import ProvenanceLog
from rathaus.cli import app
from rathaus.config import Settings
from rathaus.documents import Collection
from rathaus.identity.accounts import MIGRATIONS, Accounts
from rathaus.identity.audit import AuditLog
from rathaus.identity.sessions import Sessions
from rathaus.store.copy import copy_small_db, verify_small_db
from rathaus.store.pgfile import PostgresFile
from rathaus.store.sqlite import SQLiteStore
from rathaus.store.sqlitedb import SQLiteFile
from rathaus.workspace.db import MIGRATIONS as WORKSPACE
from rathaus.workspace.prompts import PromptLibrary
from tests.contracts.store_contract import doc, put

PASSWORD = "Sommer im Rathaus 2026"


def sql(url: str, statement: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(statement)


@pytest.fixture
def installation(tmp_path):
    """A SQLite installation in use: a document, two accounts with a token and a session, a prompt,
    an answer record, audit entries."""
    settings = Settings(data_dir=tmp_path / "data", store="sqlite")
    store = SQLiteStore(settings.db_path)
    store.ensure_collection(Collection("rat"))
    put(store, doc("a"))
    store.close()
    accounts = Accounts.from_settings(settings)
    accounts.add_group("stadt")
    accounts.add_user("anna", None, groups=["stadt"])
    mmeier = accounts.add_user("mmeier", PASSWORD, role="curator", groups=["stadt"])
    token = accounts.create_token("mmeier", "Fachverfahren")
    cookie = Sessions(accounts).login("mmeier", PASSWORD, "client").cookie
    PromptLibrary(SQLiteFile(settings.data_dir / "workspace.sqlite", WORKSPACE)).create(mmeier, "Vermerk", "Text")
    answers = ProvenanceLog.from_settings(settings)
    answers.record(assistant="public", backend="extractive", model="x", prompt_version="1", question="Frage",
                   sources=[], cited=[], refused=True, answer="")
    answers.close()
    audit = AuditLog.from_settings(settings)
    audit.record("mmeier", "session.start", "mmeier")
    audit.close()
    accounts.close()
    return settings, token, cookie


@pytest.mark.integration
def test_the_move_keeps_accounts_tokens_sessions_and_logs(installation, pg_url, monkeypatch):
    settings, token, cookie = installation
    monkeypatch.setenv("RATHAUS_DATA_DIR", str(settings.data_dir))
    monkeypatch.delenv("RATHAUS_DATABASE_URL", raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    result = CliRunner().invoke(app, ["db", "copy-to-postgres", pg_url], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    for label in ("Konten, Gruppen, Sitzungen", "Prüfprotokoll", "Antwortprotokoll", "Vorlagen und Verläufe"):
        assert label in result.output
    assert "weicht ab" not in result.output

    moved = Settings(data_dir=settings.data_dir.parent / "elsewhere", database_url=pg_url)  # another machine
    accounts = Accounts.from_settings(moved)
    assert accounts.path is None and accounts.user_for_token(token).name == "mmeier"
    assert Sessions(accounts).resolve(cookie)[0].name == "mmeier"
    assert accounts.add_user("neu", None).id == 3  # the identity column continues after the copied ids
    accounts.close()
    audit = AuditLog.from_settings(moved)
    assert [e.action for e in audit.entries(action="store.copy")] == []  # recorded in the SQLite log
    audit.close()

    again = CliRunner().invoke(app, ["db", "copy-to-postgres", pg_url, "--verify-only"], catch_exceptions=False)
    assert again.exit_code == 2 and "Konten, Gruppen, Sitzungen" in again.output  # "neu" is only in the target


@pytest.mark.integration
def test_a_schema_with_other_rows_is_left_alone_and_reported(tmp_path, pg_url):
    source = SQLiteFile(tmp_path / "identity.sqlite", MIGRATIONS)
    Accounts(source).add_group("stadt")
    target = PostgresFile(pg_url, "identity", MIGRATIONS)
    Accounts(target).add_group("landkreis")  # used on its own before the copy
    check = copy_small_db("identity", source, target)
    assert not check.ok and (check.source_count, check.target_count) == (1, 1)
    assert [r[0] for r in target.conn().execute("SELECT path FROM groups")] == ["landkreis"]  # nothing mixed in

    sql(pg_url, "DELETE FROM identity.groups")
    assert copy_small_db("identity", source, target).ok  # an empty schema takes the copy
    Accounts(source).add_group("amt-32", parent="stadt")
    assert not verify_small_db("identity", source, target).ok
    assert copy_small_db("identity", source, target).ok  # rows added since are appended
    sql(pg_url, "UPDATE identity.groups SET description = 'geändert' WHERE path = 'stadt'")
    changed = verify_small_db("identity", source, target)
    assert changed.counts_match and not changed.checksums_match
    source.close()
    target.close()
