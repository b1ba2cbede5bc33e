"""Sync workers on PostgreSQL while the database restarts: ``rathaus sync oparl --workers 2`` against the
Karlsruhe replay, PostgreSQL restarted in the middle. The run either rides it out or reports the
documents it could not finish, and a second run ends with the same index as an uninterrupted sync:
nothing half-written, nothing twice."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from rathaus.config import Settings
from rathaus.documents import Access
from rathaus.sources.oparl.client import OParlClient
from rathaus.sources.oparl.sync import OParlSync
from rathaus.store.postgres import PostgresStore
from rathaus.store.sqlite import SQLiteStore
from tests.store.pg import pg_database, pg_server, pg_url  # noqa: F401

pytestmark = [pytest.mark.integration, pytest.mark.slow]
OPERATOR = Access.operator()


def index_of(store) -> set[tuple[str, str]]:
    return {(d.id, d.content_hash) for d in store.list_documents(OPERATOR, limit=100000)}


def test_a_database_restart_mid_sync_loses_nothing(oparl_server, pg_server, pg_url, tmp_path):  # noqa: F811
    url = oparl_server("--limit-papers", "60", "--page-size", "200", "--slow-ms", "15")
    env = {**os.environ, "RATHAUS_DATA_DIR": str(tmp_path / "data"), "RATHAUS_DATABASE_URL": pg_url,
           "RATHAUS_EMBEDDER": "none", "RATHAUS_OPARL_RATE_LIMIT": "0", "RATHAUS_OPARL_BACKOFF": "0.05"}
    command = [sys.executable, "-m", "rathaus", "sync", "oparl", url, "--workers", "2"]
    sync = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    store = PostgresStore(pg_url)
    deadline = time.monotonic() + 120
    while store.count_documents(OPERATOR) < 40 and sync.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert sync.poll() is None, "the sync finished before the restart"
    pg_server.restart()  # sessions are cut off mid-transaction
    first, _ = sync.communicate(timeout=600)
    if sync.returncode != 0:  # it may report unfinished documents; the next run finishes them
        assert "Fehler" in first, first[-2000:]
        again = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
        assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-2000:]

    reference = SQLiteStore(tmp_path / "reference.sqlite")
    settings = Settings(data_dir=tmp_path / "reference", embedder="none", oparl_rate_limit=0)
    client = OParlClient.from_settings(settings)
    OParlSync(reference, settings, client, "ratsinformation").run(url)
    client.close()
    assert index_of(store) == index_of(reference)  # every document once, complete, as without the restart
    store.close()
    reference.close()
