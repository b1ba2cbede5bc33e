"""The OParl sync end to end: against the real Karlsruhe replay server (../shared/tools/oparl_server.py)
with its fault modes, as a CLI process killed with SIGKILL and resumed, and against a small fake
OParl server behind ``httpx.MockTransport`` for inputs the replay server cannot produce.

Index comparisons use the set of (document id, content_hash). Document ids and content hashes
contain the server's URL, so the syncs that are compared with each other run against servers on
the same port (``same_port``), one after the other.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from rathaus.config import Settings
from rathaus.documents import Access, SearchFilters
from rathaus.errors import NotFound, NotOParl, SourceError, SourceUnavailable
from rathaus.language.german import query_terms
from rathaus.sources.oparl.client import OParlClient
from rathaus.sources.oparl.sync import OParlSync, SyncReport, state_path
from rathaus.store.sqlite import SQLiteStore
from tests.conftest import _start_server

try:
    import pysqlite3.dbapi2 as sqlite3
except ImportError:  # pragma: no cover
    import sqlite3  # type: ignore[no-redef]

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("RATHAUS_SHARED_DIR", ROOT.parent / "shared"))
OPARL_SERVER = SHARED / "tools" / "oparl_server.py"
RATHAUS = Path(sys.executable).parent / "rathaus"

COLLECTION = "ratsinformation"
OPERATOR = Access.operator()
PAPERS = 40
# Large pages keep the replay server fast (it copies a whole list per page request); 40 papers
# still come with all 344 meetings, 97 organizations and ~550 files of the data set.
ARGS = ("--limit-papers", str(PAPERS), "--page-size", "200")
KNOWN_TITLE = "Antrag zur Aufstellung geschlossener Aschenbecher an ÖPNV-Haltestellen in Wolfartsweier"
S11 = "https://schema.oparl.org/1.1/"


# -- helpers -------------------------------------------------------------------------------

def run_sync(store: SQLiteStore, settings: Settings, url: str, *, full: bool = False,
             http: httpx.Client | None = None) -> SyncReport:
    client = OParlClient.from_settings(settings, http)
    try:
        return OParlSync(store, settings, client, collection=COLLECTION).run(url, full=full)
    finally:
        client.close()


def index_of(store: SQLiteStore) -> set[tuple[str, str]]:
    return {(d.id, d.content_hash) for d in store.list_documents(OPERATOR, limit=10000)}


def hashes_of(store: SQLiteStore) -> dict[str, str]:
    return dict(index_of(store))


def admin_url(url: str, path: str) -> str:
    return url.rsplit("/oparl", 1)[0] + path


def server_state(url: str) -> dict[str, Any]:
    return httpx.get(admin_url(url, "/_admin/state")).json()


def admin_post(url: str, path: str) -> dict[str, Any]:
    resp = httpx.post(admin_url(url, path))
    resp.raise_for_status()
    return resp.json()


def norm(text: str) -> str:
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", text).split())


def db_rows(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(str(db), timeout=30)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _launch(*args: str) -> tuple[subprocess.Popen, str]:
    return _start_server(*args)  # a later --port overrides the default --port 0


@dataclass
class Reference:
    url: str
    index: set[tuple[str, str]]
    chunks: dict[str, int]
    report: SyncReport


def chunk_counts(store: SQLiteStore) -> dict[str, int]:
    return dict(db_rows(store.path, "SELECT document_id, count(*) FROM chunks GROUP BY document_id"))


@pytest.fixture(scope="module")
def same_port() -> int:
    return _free_port()


@pytest.fixture(scope="module")
def reference(same_port: int, tmp_path_factory: pytest.TempPathFactory) -> Reference:
    """A clean sync of the replay server on ``same_port``; the server is stopped afterwards, so
    each test can start its faulty variant on the same port."""
    proc, url = _launch(*ARGS, "--port", str(same_port))
    try:
        settings = Settings(data_dir=tmp_path_factory.mktemp("reference"), embedder="none",
                            oparl_backoff=0.01, oparl_rate_limit=0, oparl_timeout=10)
        store = SQLiteStore(settings.db_path)
        report = run_sync(store, settings, url)
        ref = Reference(url, index_of(store), chunk_counts(store), report)
        store.close()
    finally:
        proc.kill()
        proc.wait()
    assert len(ref.index) > PAPERS
    return ref


# -- full and incremental sync against the replay server ------------------------------------

@pytest.mark.slow
def test_full_sync_indexes_what_the_server_has(oparl_server, settings, store):
    url = oparl_server(*ARGS)
    report = run_sync(store, settings, url)
    counts = server_state(url)

    assert not report.incremental and not report.resumed
    assert report.invalid == 0 and report.bodies == 1
    for otype, key in (("Paper", "paper"), ("Meeting", "meeting"), ("Organization", "organization")):
        assert store.count_documents(OPERATOR, SearchFilters(types=[otype])) == counts[key], otype
    assert store.count_documents(OPERATOR) == counts["paper"] + counts["meeting"] + counts["organization"]
    assert counts["paper"] == PAPERS

    papers = store.list_documents(OPERATOR, SearchFilters(types=["Paper"]), limit=1000)
    assert len(papers) == PAPERS
    downloaded = 0
    with httpx.Client() as http:
        for paper in papers:
            assert paper.id.startswith(url) and paper.source_url == paper.id
            assert paper.title and paper.reference and paper.date and paper.collection == COLLECTION
            chunks = store.document_chunks(paper.id, OPERATOR)
            assert chunks, f"{paper.id} has no chunks"
            assert [c.ord for c in chunks] == list(range(len(chunks)))
            for rec in store.get_chunks([c.id for c in chunks], OPERATOR).values():
                doc = rec.document  # what a search hit shows next to the passage
                assert (doc.id, doc.title, doc.reference, doc.date, doc.source_url) == (
                    paper.id, paper.title, paper.reference, paper.date, paper.source_url)
            assert paper.title in chunks[0].text  # the lead passage names the paper

            for f in paper.metadata["files"]:
                file_chunks = [c for c in chunks if c.file_id == f["id"]]
                served = http.get(f["accessUrl"])
                if served.status_code == 404:  # the data set has no text for this file
                    assert file_chunks == []
                    continue
                assert served.headers["content-type"].startswith("text/plain")
                assert "text" not in http.get(f["id"]).json()  # so the text can only come from accessUrl
                pages = served.text.split("\f")
                if not any(p.strip() for p in pages):
                    continue
                assert file_chunks, f"no chunks from {f['accessUrl']}"
                first = file_chunks[0]
                page_text = pages[(first.page or 1) - 1]
                assert norm(first.text)[:150] in norm(page_text)
                downloaded += 1
    assert downloaded >= 5
    assert report.files_fetched >= downloaded

    titles = {p.id: p.title for p in papers}
    known = [pid for pid, title in titles.items() if title.startswith(KNOWN_TITLE)]
    assert known, f"the first {PAPERS} Karlsruhe papers no longer contain {KNOWN_TITLE!r}"
    hits = store.lexical_search(query_terms(titles[known[0]]), OPERATOR, limit=20)
    assert hits and hits[0].document_id == known[0]
    hits = store.lexical_search(query_terms("geschlossene Aschenbecher Wolfartsweier"), OPERATOR, limit=20)
    assert known[0] in [h.document_id for h in hits[:3]]


@pytest.mark.slow
def test_second_sync_is_incremental_and_changes_nothing(oparl_server, settings, store):
    url = oparl_server(*ARGS)
    first = run_sync(store, settings, url)
    before = index_of(store)
    chunk_ids = db_rows(store.path, "SELECT id, document_id, ord FROM chunks ORDER BY id")

    second = run_sync(store, settings, url)
    assert second.incremental and not second.resumed
    assert second.changed == 0
    assert (second.documents_indexed, second.documents_deleted, second.files_fetched) == (0, 0, 0)
    assert second.objects < first.objects  # only what changed since the last run was listed
    assert index_of(store) == before
    assert db_rows(store.path, "SELECT id, document_id, ord FROM chunks ORDER BY id") == chunk_ids

    third = run_sync(store, settings, url, full=True)  # a full sync of an unchanged server
    assert not third.incremental
    assert (third.documents_indexed, third.documents_deleted) == (0, 0)
    assert index_of(store) == before
    assert db_rows(store.path, "SELECT id, document_id, ord FROM chunks ORDER BY id") == chunk_ids


@pytest.mark.slow
def test_incremental_sync_picks_up_modified_and_deleted_papers(oparl_server, settings, store):
    url = oparl_server(*ARGS)
    run_sync(store, settings, url)
    before = hashes_of(store)
    old_titles = {d.id: d.title for d in store.list_documents(OPERATOR, SearchFilters(types=["Paper"]), limit=1000)}

    modified = admin_post(url, "/_admin/modify?n=3")["modified"]
    assert len(modified) == 3
    report = run_sync(store, settings, url)
    assert report.incremental
    assert report.changed == 3 and report.documents_indexed == 3 and report.documents_deleted == 0
    after = hashes_of(store)
    assert after.keys() == before.keys()
    assert {i for i in after if after[i] != before[i]} == set(modified)  # nothing else was rewritten
    for pid in modified:
        doc = store.get_document(pid, OPERATOR)
        assert doc.title == old_titles[pid] + " (geändert)"
        assert doc.title in store.document_chunks(pid, OPERATOR)[0].text

    deleted = admin_post(url, "/_admin/delete?n=2")["deleted"]
    assert len(deleted) == 2
    report = run_sync(store, settings, url)
    assert report.incremental and report.documents_deleted == 2 and report.documents_indexed == 0
    final = hashes_of(store)
    assert final == {i: h for i, h in after.items() if i not in deleted}
    for pid in deleted:
        with pytest.raises(NotFound):
            store.get_document(pid, OPERATOR)
        with pytest.raises(NotFound):
            store.document_chunks(pid, OPERATOR)
        title = old_titles[pid] + (" (geändert)" if pid in modified else "")
        hits = store.lexical_search(query_terms(title), OPERATOR, limit=200)
        assert hits, title  # other documents still match some of the words
        assert pid not in {h.document_id for h in hits}
    marks = ",".join("?" * len(deleted))
    assert db_rows(store.path, f"SELECT count(*) FROM chunks WHERE document_id IN ({marks})", tuple(deleted)) == [(0,)]
    assert db_rows(store.path, "SELECT count(*) FROM chunks") == db_rows(store.path, "SELECT count(*) FROM chunks_fts")


# -- fault modes of the replay server ---------------------------------------------------------

QUIRK_ARGS = {
    "empty-404": ARGS,
    "missing-type": ARGS,
    "dup-pages": ARGS,
    # the paper list needs a second page for this fault
    "bad-json-once": ("--limit-papers", str(PAPERS), "--page-size", str(PAPERS - 1)),
    "wrong-total": ARGS,
}


@pytest.mark.slow
@pytest.mark.parametrize("quirk", sorted(QUIRK_ARGS))
def test_quirky_server_gives_the_same_index(quirk, oparl_server, settings, store, same_port, reference):
    url = oparl_server(*QUIRK_ARGS[quirk], "--port", str(same_port), "--quirk", quirk)
    assert url == reference.url
    body = httpx.get(f"{url}/bodies/0001").json()

    if quirk == "empty-404":  # the data set has no persons: that list answers 404
        assert httpx.get(body["person"]).status_code == 404
    if quirk == "missing-type":
        first = httpx.get(body["paper"]).json()["data"]
        assert any("type" not in obj for obj in first)

    report = run_sync(store, settings, url)

    assert report.invalid == 0
    assert index_of(store) == reference.index
    assert chunk_counts(store) == reference.chunks
    if quirk == "missing-type":  # objects without a type were indexed as what their list holds
        assert store.count_documents(OPERATOR, SearchFilters(types=["Paper"])) == PAPERS
    if quirk == "bad-json-once":
        assert report.retries >= 1
    if quirk == "dup-pages":
        assert report.objects > reference.report.objects


@pytest.mark.slow
def test_flaky_server_gives_the_same_index(oparl_server, settings, store, same_port, reference):
    url = oparl_server(*ARGS, "--port", str(same_port), "--fail-rate", "0.3")
    report = run_sync(store, settings, url)
    assert report.retries > 0
    assert index_of(store) == reference.index
    assert chunk_counts(store) == reference.chunks


# -- crash and resume ------------------------------------------------------------------------

def _cli(data_dir: Path, url: str, cwd: Path) -> subprocess.Popen:
    if not RATHAUS.exists():
        pytest.skip(f"the rathaus command is not installed next to {sys.executable}")
    env = {**os.environ, "RATHAUS_EMBEDDER": "none", "RATHAUS_OPARL_RATE_LIMIT": "0",
           "RATHAUS_OPARL_BACKOFF": "0.05"}
    env.pop("RATHAUS_DATA_DIR", None)
    log = open(cwd / f"{data_dir.name}.log", "ab")  # noqa: SIM115 - closed with the process
    proc = subprocess.Popen([str(RATHAUS), "--data-dir", str(data_dir), "sync", "oparl", url],
                            stdout=log, stderr=subprocess.STDOUT, cwd=cwd, env=env)
    log.close()
    return proc


def _finish(proc: subprocess.Popen, data_dir: Path, timeout: float = 240) -> str:
    try:
        rc = proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise
    log = (data_dir.parent / f"{data_dir.name}.log").read_text(errors="replace")
    assert rc == 0, f"rathaus sync failed ({rc}):\n{log[-3000:]}"
    return log


def _raw_count(state_db: Path) -> int:
    if not state_db.exists():
        return 0
    try:
        return db_rows(state_db, "SELECT count(*) FROM raw")[0][0]
    except sqlite3.Error:  # not created yet
        return 0


@pytest.mark.slow
def test_sync_killed_with_sigkill_resumes_to_the_same_index(oparl_server, tmp_path):
    url = oparl_server("--limit-papers", str(PAPERS), "--page-size", "50", "--slow-ms", "20")
    crashed, clean = tmp_path / "crashed", tmp_path / "clean"
    uninterrupted = _cli(clean, url, tmp_path)  # the comparison run, alongside
    try:
        proc = _cli(crashed, url, tmp_path)
        state_db = state_path(crashed, url)
        deadline = time.monotonic() + 60
        while _raw_count(state_db) < 200 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the sync finished before it could be killed"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL

        meta = dict(db_rows(state_db, "SELECT key, value FROM meta"))
        assert "run" in meta and "last_complete_start" not in meta  # an unfinished run was left behind

        log = _finish(_cli(crashed, url, tmp_path), crashed)
        assert re.search(r"resumed\W+True", log), log[-3000:]  # the CLI's report table
        _finish(uninterrupted, clean)
    finally:
        if uninterrupted.poll() is None:  # only when something above failed
            uninterrupted.kill()
            uninterrupted.wait()

    assert dict(db_rows(state_db, "SELECT key, value FROM meta")).get("last_complete_start") == meta["run"]
    a, b = SQLiteStore(crashed / "rathaus.sqlite"), SQLiteStore(clean / "rathaus.sqlite")
    try:
        counts = server_state(url)
        assert len(index_of(b)) == counts["paper"] + counts["meeting"] + counts["organization"]
        assert index_of(a) == index_of(b)
        assert chunk_counts(a) == chunk_counts(b)
    finally:
        a.close()
        b.close()
    for db in (crashed / "rathaus.sqlite", clean / "rathaus.sqlite"):
        total = db_rows(db, "SELECT count(*) FROM chunks")[0][0]
        assert db_rows(db, "SELECT count(*) FROM (SELECT DISTINCT document_id, ord FROM chunks)")[0][0] == total
        assert db_rows(db, "SELECT count(*) FROM chunks_fts")[0][0] == total


@pytest.mark.slow
def test_two_worker_processes_build_the_same_index(same_port, reference, tmp_path):
    """Files and documents through the job table (``run(workers=2)``: two ``rathaus worker --once``
    processes): the same documents with the same content as the in-process sync, each indexed once."""
    proc, url = _launch(*ARGS, "--port", str(same_port))
    try:
        settings = Settings(data_dir=tmp_path / "data", embedder="none", oparl_backoff=0.01, oparl_rate_limit=0,
                            oparl_timeout=10)
        store = SQLiteStore(settings.db_path)
        client = OParlClient.from_settings(settings)
        report = OParlSync(store, settings, client, collection=COLLECTION).run(url, workers=2)
        client.close()
        assert report.jobs == len(reference.index) and report.documents_indexed == 0  # all done by the workers
        assert index_of(store) == reference.index and chunk_counts(store) == reference.chunks
        jobs = db_rows(settings.data_dir / "jobs.sqlite", "SELECT worker, attempts FROM jobs WHERE state = 'done'")
        assert len(jobs) == len(reference.index) and {a for _, a in jobs} == {1}  # none done twice
        assert len({w for w, _ in jobs}) == 2  # both workers took part
        store.close()
    finally:
        proc.kill()
        proc.wait()


# -- bad input -------------------------------------------------------------------------------

@pytest.fixture
def impatient(settings: Settings) -> Settings:
    return settings.model_copy(update={"oparl_retries": 2, "oparl_backoff": 0.0, "oparl_timeout": 5})


def test_a_json_url_that_is_not_oparl_raises_not_oparl(oparl_server, impatient, store):
    url = oparl_server(*ARGS)
    with pytest.raises(NotOParl):
        run_sync(store, impatient, admin_url(url, "/_admin/state"))
    with pytest.raises(NotOParl):  # a 404 where the system should be
        run_sync(store, impatient, url + "/nothing-here")
    assert index_of(store) == set()


@pytest.fixture
def html_site():
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = b"<!doctype html><html><body><h1>Stadt Musterstadt</h1><p>Willkommen</p></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/ratsinfo"
    server.shutdown()
    server.server_close()


def test_an_html_page_raises_not_oparl(html_site, impatient, store):
    with pytest.raises(NotOParl):
        run_sync(store, impatient, html_site)
    assert index_of(store) == set()


def test_an_unreachable_host_raises_source_unavailable(impatient, store):
    with pytest.raises(SourceUnavailable):
        run_sync(store, impatient, "http://127.0.0.1:1/oparl")
    assert index_of(store) == set()


# -- a fake OParl server behind httpx.MockTransport ----------------------------------------

FAKE = "https://ris.fake.test/oparl"
BODY = f"{FAKE}/body/1"
MODIFIED = "2025-03-01T10:00:00+01:00"
TEXT_1 = "Sachverhalt\n\nDie Zauneidechsenpopulation am Bahndamm wird erfasst und geschützt."
TEXT_4 = "Begründung\n\nDer Radweg entlang der Rheinstraße wird verbreitert."


def _file(n: int, **extra: Any) -> dict[str, Any]:
    return {"id": f"{BODY}/file/{n}", "type": S11 + "File", "name": f"Anlage {n}", "modified": MODIFIED,
            "accessUrl": f"https://files.fake.test/{n}", **extra}


def _paper(n: int, name: str, files: list[dict[str, Any]] = (), **extra: Any) -> dict[str, Any]:
    return {"id": f"{BODY}/paper/{n}", "type": S11 + "Paper", "body": BODY, "name": name,
            "reference": f"2025/{n:04d}", "date": f"2025-02-{n:02d}", "paperType": "Beschlussvorlage",
            "modified": MODIFIED, "underDirectionOf": [f"{BODY}/organization/1"],
            **({"mainFile": files[0], "auxiliaryFile": list(files[1:])} if files else {}), **extra}


class FakeRIS:
    """A small OParl 1.1 server: a system, one body, paged lists, files, single objects by URL."""

    def __init__(self, page_size: int = 2) -> None:
        self.page_size = page_size
        self.lists: dict[str, list[Any]] = {
            "organization": [
                {"id": f"{BODY}/organization/1", "type": S11 + "Organization", "name": "Gemeinderat",
                 "modified": MODIFIED},
                {"id": f"{BODY}/organization/2", "type": S11 + "Organization", "name": "Bauausschuss",
                 "modified": MODIFIED},
            ],
            "meeting": [
                {"id": f"{BODY}/meeting/{n}", "type": S11 + "Meeting", "name": f"{n}. Sitzung des Gemeinderats",
                 "start": f"2025-03-{n:02d}T17:00:00+01:00", "organization": [f"{BODY}/organization/1"],
                 "modified": MODIFIED}
                for n in range(1, 5)
            ],
            "paper": [
                _paper(1, "Schutz der Zauneidechsen am Bahndamm",
                       [_file(1, mimeType="text/plain")], originatorPerson=[f"{BODY}/person/1"]),
                _paper(2, "Neubau der Sporthalle Nord", [_file(2, mimeType="text/plain")]),
                _paper(3, "Haushaltssatzung 2025", [_file(3, mimeType="application/pdf"),
                                                    _file(5, mimeType="application/pdf")]),
                _paper(4, "Radweg Rheinstraße", [_file(4, mimeType="text/plain")]),
                _paper(6, "Ausbau der Kindertagesstätten"),
            ],
        }
        self.objects = {f"{BODY}/person/1": {"id": f"{BODY}/person/1", "type": S11 + "Person",
                                             "name": "Erika Mustermann", "modified": MODIFIED}}
        self.files: dict[str, tuple[str, bytes]] = {
            "https://files.fake.test/1": ("text/plain; charset=utf-8", TEXT_1.encode()),
            "https://files.fake.test/2": ("text/plain; charset=utf-8", b"Sporthalle " * 10),
            "https://files.fake.test/3": ("application/pdf", bytes(range(256)) * 8),     # binary garbage
            "https://files.fake.test/5": ("application/pdf", b"%PDF-1.4\n" + bytes(range(256)) * 8),
            "https://files.fake.test/4": ("text/plain; charset=utf-8", TEXT_4.encode()),
        }
        self.broken: dict[tuple[str, int], str] = {}  # (list, page) -> "503", "json" or "json-once"
        self.hits: Counter[str] = Counter()

    def http(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self.handle))

    def handle(self, request: httpx.Request) -> httpx.Response:
        full = str(request.url)
        self.hits[full] += 1
        url = full.split("?", 1)[0]
        if url == FAKE:
            return httpx.Response(200, json={"id": FAKE, "type": S11 + "System", "body": f"{FAKE}/bodies",
                                             "oparlVersion": S11, "name": "Fake-RIS"})
        if url == f"{FAKE}/bodies":
            return httpx.Response(200, json={"data": [self.body()], "links": {}})
        if url == BODY:
            return httpx.Response(200, json=self.body())
        for name, items in self.lists.items():
            if url == f"{BODY}/{name}":
                return self.page(name, items, int(request.url.params.get("page", "1")))
        if url in self.files:
            ctype, data = self.files[url]
            return httpx.Response(200, headers={"content-type": ctype}, content=data)
        if url in self.objects:
            return httpx.Response(200, json=self.objects[url])
        return httpx.Response(404, json={"error": "not found"})

    def body(self) -> dict[str, Any]:
        return {"id": BODY, "type": S11 + "Body", "system": FAKE, "name": "Musterstadt",
                **{name: f"{BODY}/{name}" for name in self.lists}}

    def page(self, name: str, items: list[Any], number: int) -> httpx.Response:
        fault = self.broken.get((name, number))
        if fault == "503":
            return httpx.Response(503, json={"error": "maintenance"})
        chunk = items[(number - 1) * self.page_size: number * self.page_size]
        doc: dict[str, Any] = {"data": chunk, "links": {}, "pagination": {"totalElements": len(items)}}
        if number * self.page_size < len(items):
            doc["links"]["next"] = f"{BODY}/{name}?page={number + 1}"
        raw = json.dumps(doc).encode()
        if fault in ("json", "json-once"):
            raw = raw[: len(raw) // 2]
            if fault == "json-once":
                del self.broken[(name, number)]
        return httpx.Response(200, headers={"content-type": "application/json"}, content=raw)


def fake_sync(ris: FakeRIS, store: SQLiteStore, settings: Settings, *, full: bool = False,
              ) -> tuple[SyncReport, OParlSync]:
    client = OParlClient.from_settings(settings, ris.http())
    syncer = OParlSync(store, settings, client, collection=COLLECTION)
    try:
        return syncer.run(FAKE, full=full), syncer
    finally:
        client.close()


@pytest.fixture
def fake_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"oparl_retries": 2, "oparl_backoff": 0.0, "max_file_bytes": 5000})


def test_fake_server_baseline(fake_settings, store):
    ris = FakeRIS()
    report, syncer = fake_sync(ris, store, fake_settings)
    assert report.invalid == 0
    assert store.count_documents(OPERATOR, SearchFilters(types=["Paper"])) == 5
    assert store.count_documents(OPERATOR) == 5 + 4 + 2
    chunks = store.document_chunks(f"{BODY}/paper/1", OPERATOR)
    assert "Eingereicht von: Erika Mustermann" in chunks[0].text  # a person fetched by its URL
    assert any(c.file_id == f"{BODY}/file/1" and "Zauneidechsenpopulation" in c.text for c in chunks)
    hits = store.lexical_search(query_terms("Zauneidechsenpopulation"), OPERATOR)
    assert hits and hits[0].document_id == f"{BODY}/paper/1"


def test_objects_without_id_are_skipped_and_counted(fake_settings, store):
    ris = FakeRIS()
    ris.lists["paper"] += [
        {"type": S11 + "Paper", "name": "Vorlage ohne id"},
        {"name": "weder id noch type"},
        {"id": "papers/99", "type": S11 + "Paper", "name": "relative id"},
        None,
        "https://ris.fake.test/oparl/body/1/paper/98",
    ]
    typeless = {k: v for k, v in _paper(7, "Vorlage ohne Typangabe").items() if k != "type"}
    ris.lists["paper"].append(typeless)
    ris.lists["meeting"].append({"type": S11 + "Meeting", "name": "Sitzung ohne id"})

    report, _ = fake_sync(ris, store, fake_settings)

    assert report.invalid == 6
    papers = {d.id: d for d in store.list_documents(OPERATOR, SearchFilters(types=["Paper"]), limit=100)}
    assert set(papers) == {f"{BODY}/paper/{n}" for n in (1, 2, 3, 4, 6, 7)}
    assert papers[f"{BODY}/paper/7"].title == "Vorlage ohne Typangabe"  # no type: the list says Paper
    assert store.count_documents(OPERATOR, SearchFilters(types=["Meeting"])) == 4


def test_malformed_json_page_is_retried_then_source_error(fake_settings, store):
    ris = FakeRIS()
    fake_sync(ris, store, fake_settings)
    before = index_of(store)

    ris.broken[("meeting", 2)] = "json"
    with pytest.raises(SourceError, match="valid JSON") as info:
        fake_sync(ris, store, fake_settings, full=True)
    assert not isinstance(info.value, NotOParl)
    assert ris.hits[f"{BODY}/meeting?page=2"] == 1 + fake_settings.oparl_retries + 1  # one in the first sync
    assert index_of(store) == before  # nothing was removed

    ris.broken[("meeting", 2)] = "json-once"  # cut off only once: retried, and the run completes
    ris.hits.clear()
    report, _ = fake_sync(ris, store, fake_settings)
    assert report.resumed and report.retries == 1
    assert ris.hits[f"{BODY}/meeting?page=2"] == 2
    assert index_of(store) == before


def test_huge_file_is_skipped_and_the_rest_indexed(fake_settings, store):
    ris = FakeRIS()
    ris.files["https://files.fake.test/2"] = ("text/plain", b"Sporthalle Nord " * 1000)  # 16 kB > 5 kB
    report, syncer = fake_sync(ris, store, fake_settings)

    assert report.files_failed >= 1
    assert syncer.state.file_text(f"{BODY}/file/2", MODIFIED)[0] == "skipped"
    chunks = store.document_chunks(f"{BODY}/paper/2", OPERATOR)
    assert chunks and "Neubau der Sporthalle Nord" in chunks[0].text
    assert not any(c.file_id == f"{BODY}/file/2" for c in chunks)
    assert store.count_documents(OPERATOR) == 11
    assert any(c.file_id == f"{BODY}/file/4" for c in store.document_chunks(f"{BODY}/paper/4", OPERATOR))


def test_binary_garbage_served_as_pdf_is_skipped_and_the_paper_indexed(fake_settings, store):
    ris = FakeRIS()
    report, syncer = fake_sync(ris, store, fake_settings)

    for n in (3, 5):  # plain garbage, and garbage behind a %PDF header
        status = syncer.state.file_text(f"{BODY}/file/{n}", MODIFIED)
        assert status is not None and status[0] == "skipped", (n, status)
    doc = store.get_document(f"{BODY}/paper/3", OPERATOR)
    assert doc.title == "Haushaltssatzung 2025" and doc.reference == "2025/0003"
    chunks = store.document_chunks(doc.id, OPERATOR)
    assert chunks and "Haushaltssatzung 2025" in chunks[0].text
    assert not any(c.file_id in (f"{BODY}/file/3", f"{BODY}/file/5") for c in chunks)
    hits = store.lexical_search(query_terms("Haushaltssatzung"), OPERATOR)
    assert hits and hits[0].document_id == doc.id


@pytest.mark.parametrize("full", [False, True], ids=["incremental", "full"])
def test_failing_sync_never_removes_indexed_documents(full, fake_settings, store):
    ris = FakeRIS()
    fake_sync(ris, store, fake_settings)
    before = index_of(store)
    assert len(before) == 11

    ris.broken[("paper", 2)] = "503"  # the server goes down in the middle of the paper list
    with pytest.raises(SourceUnavailable):
        fake_sync(ris, store, fake_settings, full=full)
    assert index_of(store) == before
    with pytest.raises(SourceUnavailable):  # and again, resuming
        fake_sync(ris, store, fake_settings)
    assert index_of(store) == before

    ris.lists["paper"] = ris.lists["paper"][:2]  # the server sends only the first page, then fails
    ris.broken[("paper", 2)] = "503"
    ris.broken[("paper", 1)] = "503"
    with pytest.raises(SourceUnavailable):
        fake_sync(ris, store, fake_settings, full=True)
    assert index_of(store) == before


def test_full_sync_removes_documents_the_server_no_longer_lists(fake_settings, store):
    ris = FakeRIS()
    fake_sync(ris, store, fake_settings)
    before = hashes_of(store)

    report, _ = fake_sync(ris, store, fake_settings, full=True)  # unchanged server: nothing happens
    assert (report.documents_indexed, report.documents_deleted) == (0, 0)
    assert hashes_of(store) == before

    gone = ris.lists["paper"].pop(1)  # removed outright, no soft delete
    report, _ = fake_sync(ris, store, fake_settings)  # an incremental sync cannot notice
    assert gone["id"] in hashes_of(store)
    report, _ = fake_sync(ris, store, fake_settings, full=True)
    assert report.documents_deleted == 1
    assert hashes_of(store) == {i: h for i, h in before.items() if i != gone["id"]}
    with pytest.raises(NotFound):
        store.document_chunks(gone["id"], OPERATOR)

    ris.lists["paper"].insert(1, gone)  # and it comes back
    report, _ = fake_sync(ris, store, fake_settings, full=True)
    assert hashes_of(store) == before


@pytest.mark.parametrize("answer", ["empty", "404"])
def test_full_sync_keeps_documents_when_a_list_comes_back_empty(answer, fake_settings, store):
    """A misconfigured server that suddenly lists no papers must not wipe the papers already indexed."""
    ris = FakeRIS()
    fake_sync(ris, store, fake_settings)
    before = hashes_of(store)
    papers = ris.lists.pop("paper")
    if answer == "empty":
        ris.lists["paper"] = []
    report, _ = fake_sync(ris, store, fake_settings, full=True)
    assert report.documents_deleted == 0
    assert hashes_of(store) == before
    ris.lists["paper"] = papers


def test_pdf_files_are_extracted_with_their_page_numbers(fake_settings, store):
    from tests.ingest.test_extract import make_pdf

    ris = FakeRIS()
    ris.files["https://files.fake.test/5"] = ("application/pdf", make_pdf(
        ["Haushaltsplan Seite eins: Ergebnishaushalt", "Seite zwei: Investitionsprogramm Schulsanierung"]))
    fake_sync(ris, store, fake_settings.model_copy(update={"max_file_bytes": 50_000}))
    chunks = store.document_chunks(f"{BODY}/paper/3", OPERATOR)
    pages = {c.page: c.text for c in chunks if c.file_id == f"{BODY}/file/5"}
    assert set(pages) == {1, 2}
    assert "Investitionsprogramm" in pages[2]
    hit = store.lexical_search(query_terms("Investitionsprogramm Schulsanierung"), OPERATOR)[0]
    assert store.get_chunk(hit.chunk_id, OPERATOR).page == 2
