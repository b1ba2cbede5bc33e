"""The command line, end to end on the bundled Musterstadt data (through the real OParl importer)."""

from __future__ import annotations

import json
import time

import pytest
from typer.testing import CliRunner

from rathaus.cli import app
from rathaus.config import Settings
from rathaus.runtime import Runtime
from rathaus.web.app import create_app

pytestmark = pytest.mark.integration


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("RATHAUS_EMBEDDER", "fake")  # registered through the plugin path in conftest
    monkeypatch.setenv("RATHAUS_DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, list(args), catch_exceptions=False)

    return invoke


def test_demo_sync_search_embed_status_reindex(run):
    result = run("sync", "oparl", "demo")
    assert result.exit_code == 0, result.output
    assert "Synchronisierung abgeschlossen" in result.output and "Lexikalische Suche ist bereit" in result.output

    result = run("search", "Kita Lindenweg", "--json", "--limit", "3")
    assert result.exit_code == 0
    body = json.loads(result.output[result.output.index("{"):])
    top = body["results"][0]
    assert {"document_id", "title", "reference", "url", "score", "passages"} <= top.keys()
    assert "Lindenweg" in top["title"] and top["url"].startswith("https://ratsinfo.musterstadt.example/")
    assert len(body["results"]) <= 3 and all({"text", "page"} <= p.keys() for p in top["passages"])

    result = run("search", "Straßenbeleuchtung", "--type", "Paper", "--mode", "lexical")
    assert result.exit_code == 0 and "Treffer" in result.output

    assert run("embed").exit_code == 0
    status = run("status")
    stats = json.loads(status.output[status.output.index("{"):])
    done, total = map(int, stats["vector_coverage"].split("/"))
    assert done == total > 0 and stats["by_type"]["Paper"] == 40

    result = run("sync", "oparl", "demo")  # incremental: nothing changed
    assert result.exit_code == 0 and "│ incremental         │ True" in result.output
    assert run("reindex").exit_code == 0


def test_sync_waits_for_embeddings_when_asked(run):
    result = run("sync", "oparl", "demo", "--wait-embeddings")
    assert result.exit_code == 0 and "Abdeckung" in result.output


@pytest.mark.parametrize("url, message", [
    ("http://127.0.0.1:1/oparl", "nicht erreichbar"),
    ("not a url", "Datenquelle"),
])
def test_bad_source_url_gives_a_clear_german_error(run, url, message):
    result = run("--verbose", "sync", "oparl", url, "--concurrency", "1")
    assert result.exit_code == 2
    assert "Fehler:" in result.output and message in result.output


def test_bad_search_mode_is_refused(run):
    result = run("search", "x", "--mode", "magic")
    assert result.exit_code == 2 and "--mode" in result.output


def test_serve_embeds_in_the_background(run, tmp_path):
    assert run("sync", "oparl", "demo").exit_code == 0
    settings = Settings(data_dir=tmp_path / "data", embedder="fake", embed_in_background=True)
    runtime = Runtime(settings)
    from fastapi.testclient import TestClient

    with TestClient(create_app(runtime)) as client:
        for _ in range(200):
            coverage = client.get("/healthz").json()["vector_coverage"]
            if coverage == 1.0:
                break
            time.sleep(0.05)
        assert coverage == 1.0
        r = client.get("/api/v1/search", params={"q": "Was kostet die neue Kita?", "mode": "hybrid"})
        assert r.status_code == 200 and r.json()["dense_used"] is True


def test_collections_can_be_created_and_protect_their_documents(run, tmp_path):
    result = run("collections", "add", "amt32", "--classification", "intern", "--group", "stadt/amt32")
    assert result.exit_code == 2 and "Unbekannte Gruppe" in result.output  # a typo must not lock everyone out
    assert run("groups", "add", "stadt").exit_code == 0
    assert run("groups", "add", "amt32", "--parent", "stadt").exit_code == 0
    assert run("collections", "add", "amt32", "--classification", "intern", "--group", "stadt/amt32").exit_code == 0
    assert run("collections", "add", "geheim", "--classification", "vertraulich").exit_code == 2
    assert run("collections", "add", "x", "--classification", "streng").exit_code == 2
    assert run("collections", "add", "x", "--classification", "intern", "--public").exit_code == 2
    assert run("collection", "create", "alt", "--classification", "offen").exit_code == 0  # the old name still works
    assert run("sync", "oparl", "demo", "--collection", "amt32").exit_code == 0
    listing = run("collections", "list")
    assert "amt32" in listing.output and "intern" in listing.output and "stadt/amt32" in listing.output
    from rathaus.documents import Access
    from rathaus.store.sqlite import SQLiteStore

    store = SQLiteStore(tmp_path / "data" / "rathaus.sqlite")
    assert store.count_documents(Access.anonymous()) == 0  # the sync kept the collection internal
    assert store.count_documents(Access(frozenset({"stadt/amt32/sg1"}), authenticated=True)) == 75
    store.close()


def test_users_groups_and_tokens(run, monkeypatch, tmp_path):
    assert run("groups", "add", "stadt/dezernat-2").exit_code == 2  # the parent comes first
    assert run("groups", "add", "stadt", "--description", "Stadt Musterstadt").exit_code == 0
    assert run("groups", "add", "dezernat-2", "--parent", "stadt").exit_code == 0
    runner = CliRunner()
    result = runner.invoke(app, ["users", "add", "Admin", "--admin", "--group", "stadt/dezernat-2"],
                           input="ein sehr langes Passwort\n", catch_exceptions=False)
    assert result.exit_code == 0 and "admin (admin)" in result.output
    result = runner.invoke(app, ["users", "add", "kurz"], input="zu kurz\n", catch_exceptions=False)
    assert result.exit_code == 2 and "mindestens 12 Zeichen" in result.output
    result = runner.invoke(app, ["users", "add", "admin"], input="ein sehr langes Passwort\n", catch_exceptions=False)
    assert result.exit_code == 2 and "gibt es schon" in result.output
    assert run("users", "add", "sso-nutzer", "--no-password", "--group", "stadt/nirgendwo").exit_code == 2
    assert run("users", "add", "sso-nutzer", "--no-password").exit_code == 0
    users = run("users", "list").output
    assert "stadt/dezernat-2" in users and "nur SSO" in users

    result = run("tokens", "create", "admin", "--label", "Skript")
    token = result.output.strip().splitlines()[-1]
    assert result.exit_code == 0 and token.startswith("rth_") and len(token) > 40
    listing = run("tokens", "list", "admin").output
    assert "Skript" in listing and token not in listing
    assert run("tokens", "create", "niemand").exit_code == 2

    from rathaus.identity.accounts import Accounts

    accounts = Accounts(tmp_path / "data" / "identity.sqlite")
    assert accounts.user_for_token(token).name == "admin"
    assert accounts.verify_password("admin", "ein sehr langes Passwort").is_admin
    token_id = accounts.tokens("admin")[0].id
    assert run("tokens", "revoke", str(token_id)).exit_code == 0
    assert accounts.user_for_token(token) is None
    assert run("users", "groups", "admin").exit_code == 0 and accounts.user("admin").groups == ()
    assert run("users", "disable", "admin").exit_code == 0 and accounts.user("admin").disabled
    assert accounts.verify_password("admin", "ein sehr langes Passwort") is None
    accounts.close()


def test_docs_add_and_remove_files_and_the_audit_log_records_it(run, tmp_path):
    folder = tmp_path / "ablage"
    (folder / "unter").mkdir(parents=True)
    (folder / "Streupläne.md").write_text("# Streuplan\n\nStreusalz lagert in Halle 3.", encoding="utf-8")
    (folder / "unter" / "Notiz.txt").write_text("Die Kehrmaschine ist defekt.", encoding="utf-8")
    (folder / "kaputt.bin").write_bytes(bytes(range(256)) * 4)
    (folder / ".versteckt.txt").write_text("nicht aufnehmen", encoding="utf-8")
    assert run("docs", "add", str(folder), "--collection", "bauhof").exit_code == 2  # no such collection yet
    assert run("collections", "add", "bauhof", "--classification", "intern").exit_code == 0
    result = run("docs", "add", str(folder), "--collection", "bauhof")
    assert result.exit_code == 0, result.output
    assert "2 Datei(en) übernommen, 1 mit Fehler" in result.output and "kaputt.bin" in result.output
    assert "file:bauhof/Streupläne.md" in result.output
    assert "unverändert" in run("docs", "add", str(folder / "Streupläne.md"), "--collection", "bauhof").output
    search = run("search", "Kehrmaschine", "--json")
    assert json.loads(search.output[search.output.index("{"):])["results"][0]["document_id"] == "file:bauhof/Notiz.txt"
    assert run("docs", "remove", "file:bauhof/Notiz.txt").exit_code == 0
    assert run("docs", "remove", "file:bauhof/Notiz.txt").exit_code == 2
    assert run("docs", "remove", "https://ratsinfo.example/paper/1").exit_code == 2  # source documents stay

    export = run("audit", "export", "--action", "document", "--format", "jsonl")
    lines = [json.loads(line) for line in export.stdout.splitlines() if line.startswith("{")]
    assert [(e["actor"], e["action"]) for e in lines] == [("operator", "document.add")] * 2 + [
        ("operator", "document.remove")]
    csv_out = run("audit", "export", "--since", "2020-01-01").stdout
    assert csv_out.startswith("id,at,actor,action,target,details") and "collection.set" in csv_out
    assert run("audit", "export", "--since", "gestern").exit_code == 2


def test_files_with_personal_data_go_into_a_published_collection_only_when_confirmed(run, tmp_path):
    letter = tmp_path / "Antwort.txt"
    letter.write_text("Sehr geehrte Frau Elif Yıldız, Ihre Rückerstattung geht auf DE89 3704 0044 0532 0130 00.",
                      encoding="utf-8")
    assert run("collections", "add", "aushang", "--public").exit_code == 0
    refused = run("docs", "add", str(letter), "--collection", "aushang")
    assert refused.exit_code == 2 and "personenbezogene Daten" in refused.output and "öffentlich" in refused.output
    added = run("docs", "add", str(letter), "--collection", "aushang", "--publish-personal-data")
    assert added.exit_code == 0, added.output
    assert "Personenbezogene Daten: Namen (1), IBAN (1)" in added.output and "Yıldız" not in added.output


@pytest.mark.parametrize("database_url, message", [
    ("postgresql://rathaus:geheim@127.0.0.1:1/rathaus", "Die Datenbank ist nicht erreichbar."),
    ("mysql://rathaus:geheim@db/rathaus", "Die Konfiguration ist fehlerhaft."),
])
def test_a_wrong_database_url_gives_a_clear_error_and_no_password(tmp_path, database_url, message):
    import os
    import subprocess
    import sys

    env = {**os.environ, "RATHAUS_DATA_DIR": str(tmp_path / "data"), "RATHAUS_DATABASE_URL": database_url}
    for command in (["status"], ["serve", "--port", "1"]):
        done = subprocess.run([sys.executable, "-m", "rathaus", *command], env=env, capture_output=True, text=True,
                              timeout=120)
        output = done.stdout + done.stderr
        assert done.returncode == 2 and message in output, output
        assert "Traceback" not in output and "geheim" not in output
