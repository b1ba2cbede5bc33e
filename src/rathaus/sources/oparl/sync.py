"""OParl sync: System → Bodies → every list → raw objects → documents in the store.

    report = OParlSync(store, settings, client, collection="ratsinformation").run(url)

Phases, each safe to interrupt (``kill -9``) and to run again:

1. **Fetch.** Every list of every body, page by page, following ``links.next``. Each page is
   written (raw objects + the list's next-page checkpoint) in one transaction. A rerun after a
   crash continues the same run from the checkpoints.
2. **Files.** Files of changed documents that have no ``text`` field are downloaded in parallel
   and their text extracted (PDF pages kept); the result is kept per file version.
3. **Transform.** Every document whose raw objects changed is rebuilt, chunked and upserted
   (one transaction per document); deleted objects leave the index.

An incremental sync asks for ``modified_since`` the start of the last completed run (minus an
overlap for clock skew). A full sync also removes documents whose objects the server no longer
lists. Only a completed run moves the ``modified_since`` mark, so an interrupted run is never
mistaken for a complete one.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rathaus.documents import Collection
from rathaus.errors import ExtractionError, InvalidObject, NotFound, NotOParl, SourceError
from rathaus.ingest.chunk import chunk_document
from rathaus.ingest.extract import extract_text
from rathaus.sources.oparl import quirks
from rathaus.sources.oparl.client import HTTPStatusError, OParlClient
from rathaus.sources.oparl.state import REF_RUN, SourceState
from rathaus.sources.oparl.transform import (
    FILE_KEYS_MEETING,
    FILE_KEYS_PAPER,
    Resolver,
    as_list,
    build_meeting,
    build_organization,
    build_paper,
    text_of_file,
)

log = logging.getLogger(__name__)

# Lists are fetched in this order; documents are built after all of them.
LIST_ORDER = ("Organization", "Person", "Membership", "LegislativeTerm", "Location", "File", "Consultation",
              "AgendaItem", "Meeting", "Paper")
EMBEDDED_KEYS = {
    "mainFile": "File", "auxiliaryFile": "File", "invitation": "File", "resultsProtocol": "File",
    "verbatimProtocol": "File", "resolutionFile": "File", "derivativeFile": "File",
    "consultation": "Consultation", "agendaItem": "AgendaItem", "membership": "Membership",
    "location": "Location", "legislativeTerm": "LegislativeTerm",
}
OVERLAP = timedelta(hours=1)  # modified_since reaches back this far, against clock skew
JOB_KIND = "oparl.document"  # one changed document: fetch its files, index it (jobs/handlers.py)
WORKER_ROUNDS = 3  # new worker processes while jobs are left after some crashed

Progress = Callable[[str, int, int | None], None]


@dataclass
class SyncReport:
    url: str
    collection: str
    incremental: bool
    resumed: bool = False
    bodies: int = 0
    pages: int = 0
    objects: int = 0
    changed: int = 0
    invalid: int = 0
    files_fetched: int = 0
    files_failed: int = 0
    documents_indexed: int = 0
    documents_unchanged: int = 0
    documents_deleted: int = 0
    requests: int = 0
    retries: int = 0
    jobs: int = 0  # documents processed by worker processes (run(workers=N))
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


def state_path(data_dir: Path, url: str) -> Path:
    host = re.sub(r"[^a-z0-9.-]", "_", (urlsplit(url).hostname or "local").lower())
    digest = hashlib.sha1(url.encode()).hexdigest()[:10]
    return data_dir / "sources" / f"oparl-{host}-{digest}.sqlite"


def embedded_objects(obj: dict[str, Any]) -> list[tuple[dict[str, Any], str | None]]:
    """Objects embedded in an object (files of a paper, agenda items of a meeting, ...), recursively."""
    found: list[tuple[dict[str, Any], str | None]] = []
    for key, kind in EMBEDDED_KEYS.items():
        for value in as_list(obj.get(key)):
            if isinstance(value, dict) and isinstance(value.get("id"), str):
                found.append((value, kind))
                found += embedded_objects(value)
    return found


class OParlSync:
    def __init__(self, store: Any, settings: Any, client: OParlClient, collection: str | None = None,
                 progress: Progress | None = None, state: SourceState | None = None) -> None:
        self.store = store
        self.settings = settings
        self.client = client
        self.collection = collection or settings.default_collection
        self.progress = progress or (lambda stage, done, total: None)
        self._state = state
        self._missing: set[str] = set()
        self._allowed_hosts: set[str] = set()

    # -- entry point -----------------------------------------------------------------------
    def run(self, url: str, *, full: bool = False, workers: int = 0) -> SyncReport:
        """Sync from the system URL. ``workers``: fetch files and index documents in that many worker
        processes through the job table (jobs/), instead of in this process."""
        started = time.monotonic()
        system = self._system(url)
        state = self._state or SourceState(state_path(self.settings.data_dir, url))
        self.state = state
        try:
            self.store.get_collection(self.collection)
        except NotFound:
            self.store.ensure_collection(Collection(self.collection, "offen", (), "OParl-Ratsinformationen"))
        run = state.get_meta("run")
        resumed = run is not None and state.get_meta("run_url") == url
        if resumed:
            since = state.get_meta("run_since") or None
            full = state.get_meta("run_full") == "1"
        else:
            run = datetime.now(UTC).isoformat(timespec="microseconds")
            last = None if full else state.get_meta("last_complete_start")
            since = (datetime.fromisoformat(last) - OVERLAP).isoformat(timespec="seconds") if last else None
            full = since is None
            state.clear_checkpoints()
            for key, value in (("run", run), ("run_url", url), ("run_since", since or ""), ("run_full", str(int(full)))):
                state.set_meta(key, value)
        report = SyncReport(url=url, collection=self.collection, incremental=since is not None, resumed=resumed)
        self._fetch_all(system, run, since, report)
        if full:
            gone = state.sweep_unseen(run, LIST_ORDER)
            if gone:
                log.info("%d objects are no longer listed by the server", len(gone))
        if workers:
            self._run_jobs(url, workers, report)
        else:
            self._fetch_files(report)
            self._transform(report)
        state.set_meta("last_complete_start", run)
        for key in ("run", "run_url", "run_since", "run_full"):
            state.set_meta(key, None)
        state.clear_checkpoints()
        report.requests, report.retries = self.client.requests, self.client.retried
        report.seconds = round(time.monotonic() - started, 2)
        return report

    def reindex(self) -> SyncReport:
        """Rebuild every document from the raw objects, without asking the server."""
        started = time.monotonic()
        self.state = self._state
        report = SyncReport(url="", collection=self.collection, incremental=False)
        self.state.mark_all_dirty()
        self._transform(report, fetch_missing=False)
        report.seconds = round(time.monotonic() - started, 2)
        return report

    # -- phase 1: fetch --------------------------------------------------------------------
    def _system(self, url: str) -> dict[str, Any]:
        self._allowed_hosts.add(urlsplit(url).netloc)
        try:
            doc = self.client.get_json(url)
        except HTTPStatusError as exc:
            raise NotOParl(f"{url} answered HTTP {exc.status}; is this the OParl system URL?") from exc
        except SourceError as exc:
            if "valid JSON" in str(exc):
                raise NotOParl(f"{url} does not answer with OParl JSON") from exc
            raise
        return quirks.check_system(doc, url)

    def _bodies(self, system: dict[str, Any]) -> list[dict[str, Any]]:
        value = system.get("body")
        if isinstance(value, list):
            return [b for b in value if isinstance(b, dict)]
        bodies: list[dict[str, Any]] = []
        for page in self.client.iter_list(value):
            for item in page.items:
                if isinstance(item, str):
                    item = self.client.get_json(item)
                if isinstance(item, dict) and item.get("id"):
                    bodies.append(item)
        return bodies

    def _fetch_all(self, system: dict[str, Any], run: str, since: str | None, report: SyncReport) -> None:
        bodies = self._bodies(system)
        report.bodies = len(bodies)
        jobs: list[tuple[str, str]] = []
        with self.state.transaction() as conn:
            for body in bodies:
                self._allowed_hosts.add(urlsplit(body["id"]).netloc)
                lists, embedded = quirks.body_lists(body)
                objects = [(body["id"], "Body", body)]
                objects += [(o["id"], quirks.object_type(o, None if "type" in o else "LegislativeTerm"), o)
                            for o in embedded if isinstance(o.get("id"), str)]
                self.state.put_objects(conn, objects, run)
                jobs += [(kind, lists[kind]) for kind in LIST_ORDER if kind in lists]
        params = {"modified_since": since} if since else None
        done = 0
        self.progress("fetch", 0, len(jobs))
        with ThreadPoolExecutor(max_workers=min(self.client.concurrency, max(1, len(jobs)))) as pool:
            for _ in pool.map(lambda job: self._fetch_list(job[0], job[1], run, params, report), jobs):
                done += 1
                self.progress("fetch", done, len(jobs))

    def _fetch_list(self, kind: str, url: str, run: str, params: dict[str, str] | None,
                    report: SyncReport) -> None:
        position = self.state.list_position(run, url)
        if position and position[1]:
            return
        start = position[0] if position and position[0] else url
        for page in self.client.iter_list(start, params if start == url else None):
            objects = []
            for item in page.items:
                try:
                    oid, otype = quirks.check_object(item, kind)
                except InvalidObject as exc:
                    report.invalid += 1
                    log.warning("skipping an invalid object in %s: %s", page.url, exc)
                    continue
                objects.append((oid, otype, item))
                for sub, sub_kind in embedded_objects(item):
                    try:
                        objects.append((sub["id"], quirks.object_type(sub, sub_kind), sub))
                    except InvalidObject as exc:
                        report.invalid += 1
                        log.warning("skipping an invalid embedded object in %s: %s", oid, exc)
            with self.state.transaction() as conn:
                changed = self.state.put_objects(conn, objects, run)
                self.state.checkpoint(conn, run, url, page.next_url)
            report.pages += 1
            report.objects += len(page.items)
            report.changed += changed
        with self.state.transaction() as conn:
            self.state.checkpoint(conn, run, url, None)

    def _lookup(self, oid: str, fetch_missing: bool = True) -> dict[str, Any] | None:
        """A raw object by id; one the lists did not contain is fetched once from its URL."""
        obj = self.state.get(oid)
        if obj is not None or not fetch_missing or oid in self._missing:
            return obj
        if urlsplit(oid).netloc not in self._allowed_hosts:
            self._missing.add(oid)
            return None
        try:
            fetched = self.client.get_json(oid)
            oid2, otype = quirks.check_object(fetched, None)
        except (SourceError, InvalidObject) as exc:
            log.info("referenced object %s is not available: %s", oid, exc)
            self._missing.add(oid)
            return None
        with self.state.transaction() as conn:
            # "ref:": fetched because something referenced it, never listed, so never swept
            self.state.put_objects(conn, [(oid2, otype, fetched)], REF_RUN + (self.state.get_meta("run") or ""))
        return fetched

    # -- phase 2: files ----------------------------------------------------------------------
    def _files_of(self, obj: dict[str, Any], otype: str) -> list[dict[str, Any]]:
        keys = FILE_KEYS_PAPER if otype == "Paper" else FILE_KEYS_MEETING if otype == "Meeting" else ()
        files = []
        for key in keys:
            for ref in as_list(obj.get(key)):
                f = ref if isinstance(ref, dict) else self._lookup(ref) if isinstance(ref, str) else None
                if isinstance(f, dict) and f.get("id") and not f.get("deleted"):
                    files.append(f)
        return files

    @staticmethod
    def _version(f: dict[str, Any]) -> str:
        return str(f.get("modified") or f.get("sha512Checksum") or f.get("sha1Checksum") or f.get("size") or "0")

    def _files_to_fetch(self, doc_id: str) -> list[dict[str, Any]]:
        """Files of a document whose text must be downloaded and extracted (no ``text`` field, not done yet)."""
        obj = self.state.get(doc_id)
        otype = self.state.get_type(doc_id)
        if not obj or obj.get("deleted") or otype not in ("Paper", "Meeting"):
            return []
        return [f for f in self._files_of(obj, otype)
                if text_of_file(f) is None and (f.get("accessUrl") or f.get("downloadUrl"))
                and self.state.file_text(f["id"], self._version(f)) is None]

    def _fetch_files(self, report: SyncReport) -> None:
        pending = {f["id"]: f for doc_id in self.state.dirty_documents() for f in self._files_to_fetch(doc_id)}
        total = len(pending)
        self.progress("files", 0, total)
        done = 0
        with ThreadPoolExecutor(max_workers=self.client.concurrency) as pool:
            for ok in pool.map(self._fetch_file, pending.values()):
                done += 1
                report.files_fetched += int(ok)
                report.files_failed += int(not ok)
                self.progress("files", done, total)

    def _fetch_file(self, f: dict[str, Any]) -> bool:
        url = f.get("accessUrl") or f.get("downloadUrl")
        version = self._version(f)
        try:
            data, content_type = self.client.get_file(url)
            mime = f.get("mimeType") or content_type
            if content_type and "pdf" in content_type and "pdf" not in (mime or ""):
                mime = content_type
            charset = None
            if "charset=" in content_type:
                charset = content_type.split("charset=")[-1].split(";")[0].strip()
            pages = extract_text(data, mime, charset=charset).pages
        except (SourceError, ExtractionError) as exc:
            level = logging.INFO if isinstance(exc, HTTPStatusError) and exc.status == 404 else logging.WARNING
            log.log(level, "file %s skipped: %s", f["id"], exc)
            status = "skipped" if isinstance(exc, ExtractionError) else "error"
            if isinstance(exc, HTTPStatusError) and exc.status == 404:
                status = "skipped"
            self.state.put_file_text(f["id"], version, status, [], str(exc)[:500])
            return False
        self.state.put_file_text(f["id"], version, "ok", pages, None)
        return True

    def _file_text(self, f: dict[str, Any]) -> list[str] | None:
        own = text_of_file(f)
        if own is not None:
            return own
        found = self.state.file_text(f.get("id", ""), self._version(f))
        return found[1] if found and found[0] == "ok" else None

    # -- phase 3: transform ------------------------------------------------------------------
    def _transform(self, report: SyncReport, fetch_missing: bool = True) -> None:
        dirty = self.state.dirty_documents()
        self.progress("index", 0, len(dirty))
        for i, doc_id in enumerate(dirty, start=1):
            self._index(doc_id, report, fetch_missing)
            self.progress("index", i, len(dirty))

    def _index(self, doc_id: str, report: SyncReport, fetch_missing: bool = True) -> None:
        """Build one document from its raw objects and store it (or delete it); one store transaction."""
        chunk_chars, overlap = self.settings.chunk_chars, self.settings.chunk_overlap
        obj = self.state.get(doc_id)
        otype = self.state.get_type(doc_id)
        res = Resolver(lambda oid: self._lookup(oid, fetch_missing))
        if obj is None or obj.get("deleted"):
            if self.store.delete_document(doc_id):
                report.documents_deleted += 1
            self.state.finish_document(doc_id, [doc_id])
            return
        if otype == "Paper":
            document = build_paper(obj, res, self._file_text, self.collection, chunk_chars)
        elif otype == "Meeting":
            document = build_meeting(obj, res, self._file_text, self.collection, chunk_chars)
        else:
            members = [m for m in (self.state.memberships_of(doc_id)) if not m.get("deleted")]
            for m in members:
                res.deps.add(m["id"])
            document = build_organization(obj, res, members, self.collection)
        chunks = chunk_document(document, chunk_chars, overlap)
        if self.store.upsert_document(document, chunks):
            report.documents_indexed += 1
        else:
            report.documents_unchanged += 1
        self.state.finish_document(doc_id, res.deps | {doc_id})

    # -- phases 2 and 3 in worker processes ------------------------------------------------------
    def process(self, doc_id: str, hosts: list[str]) -> SyncReport:
        """One job of ``run(workers=N)``: fetch this document's files, then index it. Repeating it is
        harmless (file texts are kept per version, an unchanged document is not rewritten)."""
        self._allowed_hosts.update(hosts)
        report = SyncReport(url="", collection=self.collection, incremental=True)
        for f in self._files_to_fetch(doc_id):
            ok = self._fetch_file(f)
            report.files_fetched += int(ok)
            report.files_failed += int(not ok)
        self._index(doc_id, report)
        return report

    def _run_jobs(self, url: str, workers: int, report: SyncReport) -> None:
        """Put every changed document into the job table and let ``workers`` processes work it off
        (``rathaus worker --once``; workers started elsewhere help). Raises SourceError when a job failed
        for good: the run is then not complete, and the next run tries those documents again."""
        from rathaus.jobs.queue import open_queue
        from rathaus.jobs.spawn import release_stopped_workers, run_workers

        queue = open_queue(self.settings)
        kind = JOB_KIND
        try:
            queue.clear((kind,))  # the last run's finished jobs
            release_stopped_workers(queue)  # and those held by workers of this machine that are gone
            dirty = self.state.dirty_documents()
            payload = {"url": url, "collection": self.collection, "hosts": sorted(self._allowed_hosts)}
            for doc_id in dirty:
                queue.enqueue(kind, doc_id, payload)
            self.progress("index", 0, len(dirty))
            for _ in range(WORKER_ROUNDS):
                ended = run_workers(self.settings, workers,
                                    lambda: self.progress("index", queue.counts((kind,))["done"], len(dirty)))
                # these workers have stopped; a job one of them still holds (it crashed, or could not record a
                # failure while the database was away) goes back to the queue now, not when its lease runs out
                released = sum(queue.release(name) for name, _ in ended)
                if not released and not queue.counts((kind,))["queued"]:
                    break
                log.warning("%d jobs of stopped workers go to new workers", released)
            counts, failures = queue.counts((kind,)), queue.failures((kind,))
        finally:
            queue.close()
        report.jobs += counts["done"]
        if failures or counts["queued"] or counts["running"]:
            detail = "; ".join(f"{key}: {error}" for key, error in failures[:3])
            raise SourceError(f"{len(failures)} documents failed in the workers, {counts['queued'] + counts['running']} "
                              f"unfinished ({detail}); the next sync tries them again",
                              user_message="Einige Dokumente konnten nicht verarbeitet werden; die nächste "
                                           "Synchronisierung versucht es erneut.")
