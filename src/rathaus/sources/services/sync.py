"""Service sync: a folder of service descriptions, or a list of their URLs, into the store.

    report = ServiceSync(store, settings).run("/srv/leistungen")        # a folder, searched recursively
    report = ServiceSync(store, settings).run("leistungen-urls.txt")    # one URL per line, '#' comments
    report = ServiceSync(store, settings).run("demo")                   # the bundled Musterstadt services

Every ``.md``, ``.markdown``, ``.html`` and ``.htm`` file becomes one document of type ``Service``
(hidden files and folders, README and LICENSE files are ignored). Its id is
``service:<collection>/<path relative to the folder>``; for a URL it is
``service:<collection>/<host><path>``, so the id always ends with the file's relative path or the
URL's path. Each FIM section becomes one passage, so every chunk carries its section.

A sync can run again at any time. Every file is parsed again, and the store's upsert leaves a
document whose content is unchanged alone (its vectors stay). Documents that an earlier sync of
*this* folder or URL list wrote (``metadata["source"]``) and whose file or URL is gone are deleted
- but only when the listing is complete and not empty: an empty or partly unreadable folder, an
empty URL list, or a run in which not one file could be read deletes nothing. A file that cannot
be used (binary, empty, unreadable encoding, no text) or a URL that fails is reported and skipped;
the document an earlier run stored for it stays as it was.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path, PurePosixPath
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx

from rathaus import __version__
from rathaus.documents import Access, Collection, Document, Passage, SearchFilters, nfc
from rathaus.errors import NotFound, SourceError
from rathaus.ingest.chunk import chunk_document
from rathaus.sources.services.parse import EXTENSIONS, BadInput, ServicePage, parse_service

log = logging.getLogger(__name__)

DEFAULT_COLLECTION = "leistungen"
DOCUMENT_TYPE = "Service"
DEMO_SOURCE = "demo:musterstadt"
IGNORED_STEMS = {"readme", "license", "licence", "lizenz", "changelog"}
USER_AGENT = f"Rathaus/{__version__} (service sync; +https://github.com/rathaus)"
TIMEOUT = 30.0

Progress = Callable[[str, int, int | None], None]


@dataclass
class ServiceSyncReport:
    source: str
    collection: str
    seen: int = 0  # files or URLs found
    written: int = 0  # new or changed documents
    unchanged: int = 0
    deleted: int = 0
    ignored: int = 0  # files that are no service description (other extensions, README, ...)
    skipped: dict[str, str] = field(default_factory=dict)  # file or URL → why its content was unusable
    errors: dict[str, str] = field(default_factory=dict)  # URL (or list line) → why it could not be fetched
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


@dataclass
class Target:
    kind: Literal["folder", "urls"]
    path: Path
    source: str  # stored in every document's metadata: which sync owns it


@dataclass
class _Item:
    label: str  # relative path or URL, for the report
    name: str  # file name or URL path: decides Markdown or HTML
    document_id: str
    path: Path | None = None
    url: str | None = None


class _FetchError(Exception):
    pass


def demo_folder() -> Path:
    return Path(str(files("rathaus") / "demo" / "musterstadt" / "services"))


def resolve_target(value: str | Path) -> Target:
    """What PATH means: ``demo``, a folder, or a ``.txt`` file with URLs. ``SourceError`` otherwise."""
    text = str(value)
    if text == "demo":
        return Target("folder", demo_folder(), DEMO_SOURCE)
    hint = "Erwartet wird ein Ordner mit Leistungsbeschreibungen (.md, .html), eine .txt-Datei mit URLs oder 'demo'."
    if re.match(r"https?://", text, re.I):
        raise SourceError(f"{text} is a URL, not a folder or URL list",
                          user_message=f"{text} ist eine einzelne URL. Schreiben Sie die URLs zeilenweise in eine "
                                       f".txt-Datei und geben Sie deren Pfad an.")
    path = Path(text).expanduser()
    if path.is_dir():
        return Target("folder", path, f"folder:{path.resolve()}")
    if path.is_file() and path.suffix.lower() == ".txt":
        return Target("urls", path, f"urls:{path.resolve()}")
    if not path.exists():
        raise SourceError(f"{text} does not exist", user_message=f"{text} gibt es nicht. {hint}")
    raise SourceError(f"{text} is neither a folder nor a .txt URL list",
                      user_message=f"{text} ist weder ein Ordner noch eine .txt-Datei mit URLs. {hint}")


def _comparable(metadata: dict[str, Any]) -> str:
    return json.dumps(metadata, sort_keys=True, ensure_ascii=False, default=str)


class ServiceSync:
    def __init__(self, store: Any, settings: Any, collection: str | None = None,
                 progress: Progress | None = None, http: httpx.Client | None = None,
                 timeout: float = TIMEOUT) -> None:
        self.store = store
        self.settings = settings
        self.collection = collection or DEFAULT_COLLECTION
        self.progress = progress or (lambda stage, done, total: None)
        self.timeout = timeout
        self.max_bytes = int(getattr(settings, "max_file_bytes", 50_000_000))
        self._http = http
        self._client: httpx.Client | None = None  # the client of the running URL-list sync

    # -- entry points ------------------------------------------------------------------------
    def run(self, target: str | Path | Target) -> ServiceSyncReport:
        target = target if isinstance(target, Target) else resolve_target(target)
        if target.kind == "folder":
            return self.sync_folder(target.path, source=target.source)
        return self.sync_url_list(target.path, source=target.source)

    def sync_folder(self, folder: Path, *, source: str | None = None) -> ServiceSyncReport:
        started = time.monotonic()
        source = source or f"folder:{folder.resolve()}"
        report = ServiceSyncReport(source=source, collection=self.collection)
        try:
            with os.scandir(folder) as it:
                next(it, None)
        except OSError as exc:
            raise SourceError(f"cannot read folder {folder}: {exc}",
                              user_message=f"Der Ordner {folder} kann nicht gelesen werden ({exc.strerror}).") from exc
        files_found, complete = self._walk(folder, report)
        items = [_Item(label=rel, name=rel, document_id=self.document_id(rel), path=path) for rel, path in files_found]
        self._sync(items, source, complete, report)
        report.seconds = round(time.monotonic() - started, 2)
        return report

    def sync_url_list(self, list_file: Path, *, source: str | None = None) -> ServiceSyncReport:
        started = time.monotonic()
        source = source or f"urls:{list_file.resolve()}"
        report = ServiceSyncReport(source=source, collection=self.collection)
        try:
            lines = list_file.read_bytes().decode("utf-8-sig").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise SourceError(f"cannot read URL list {list_file}: {exc}",
                              user_message=f"Die URL-Liste {list_file} kann nicht gelesen werden "
                                           f"(erwartet: UTF-8-Text, eine URL pro Zeile).") from exc
        items: dict[str, _Item] = {}
        for number, line in enumerate(lines, start=1):
            url = re.sub(r"\s+#.*$", "", line).strip()
            if not url or url.startswith("#"):
                continue
            parts = urlsplit(url)
            try:
                port = parts.port
            except ValueError:
                port, parts = None, parts._replace(scheme="")  # "http://host:abc/" is no usable URL
            if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
                report.errors[f"Zeile {number}: {url[:200]}"] = "keine http(s)-URL"
                continue
            path = parts.path or "/"
            key = f"{parts.hostname.lower()}{f':{port}' if port else ''}{path}"
            key += f"?{parts.query}" if parts.query else ""
            items.setdefault(key, _Item(label=url, name=path, document_id=self.document_id(key), url=url))
        http, own = (self._http, False) if self._http is not None else (httpx.Client(
            timeout=self.timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}), True)
        self._client = http
        try:
            self._sync(list(items.values()), source, True, report)
        finally:
            if own:
                http.close()
        report.seconds = round(time.monotonic() - started, 2)
        return report

    def document_id(self, relative: str) -> str:
        return f"service:{self.collection}/{relative.lstrip('/')}"

    # -- listing and loading ------------------------------------------------------------------
    def _walk(self, folder: Path, report: ServiceSyncReport) -> tuple[list[tuple[str, Path]], bool]:
        """(relative path, path) of every service file below ``folder``, and whether every folder could be read."""
        found: list[tuple[str, Path]] = []
        complete = True
        stack = [folder]
        while stack:
            current = stack.pop()
            try:
                with os.scandir(current) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                complete = False
                report.warnings.append(f"Ordner {current} nicht lesbar ({exc.strerror}); es wird nichts gelöscht.")
                continue
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(Path(entry.path))
                        continue
                    is_file = entry.is_file()
                except OSError:
                    is_file = False
                name = PurePosixPath(entry.name)
                if not is_file or name.suffix.lower() not in EXTENSIONS or name.stem.lower() in IGNORED_STEMS:
                    report.ignored += 1
                    continue
                rel = nfc(Path(entry.path).relative_to(folder).as_posix())
                found.append((rel, Path(entry.path)))
        return sorted(found), complete

    def _read_file(self, path: Path) -> bytes:
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                raise BadInput(f"zu groß ({size:,} Bytes, höchstens {self.max_bytes:,})".replace(",", "."))
            return path.read_bytes()
        except OSError as exc:
            raise BadInput(f"nicht lesbar ({exc.strerror or exc})") from exc

    def _fetch(self, url: str) -> tuple[bytes, str | None, str]:
        """Bytes, declared charset and content type of a URL; one retry after a server error or dropped connection."""
        for attempt in (1, 2):
            try:
                assert self._client is not None
                with self._client.stream("GET", url) as response:
                    if response.status_code >= 500 and attempt == 1:
                        time.sleep(0.5)
                        continue
                    if response.status_code >= 400:
                        raise _FetchError(f"HTTP {response.status_code}")
                    data = bytearray()
                    for part in response.iter_bytes():
                        data += part
                        if len(data) > self.max_bytes:
                            raise BadInput(f"zu groß (mehr als {self.max_bytes:,} Bytes)".replace(",", "."))
                    return bytes(data), response.charset_encoding, response.headers.get("content-type", "")
            except httpx.TimeoutException as exc:
                raise _FetchError(f"Zeitüberschreitung nach {self.timeout:g} s") from exc
            except httpx.HTTPError as exc:
                if attempt == 1:
                    time.sleep(0.5)
                    continue
                raise _FetchError(f"nicht erreichbar ({type(exc).__name__}: {exc})") from exc
        raise _FetchError("keine Antwort")  # pragma: no cover - the loop returns or raises

    def _load(self, item: _Item) -> ServicePage:
        if item.path is not None:
            return parse_service(self._read_file(item.path), item.name)
        data, charset, content_type = self._fetch(item.url or "")
        mime = content_type.split(";")[0].strip().lower()
        kind = "html" if mime in ("text/html", "application/xhtml+xml") else \
            "markdown" if mime in ("text/markdown", "text/x-markdown", "text/plain") else None
        if mime and kind is None and not mime.startswith("text/"):
            raise BadInput(f"kein Text (Content-Type {mime})")
        return parse_service(data, item.name, kind=kind, charset=charset)

    # -- the sync ------------------------------------------------------------------------------
    def _ensure_collection(self) -> None:
        try:
            self.store.get_collection(self.collection)
        except NotFound:
            self.store.ensure_collection(Collection(self.collection, "offen", (),
                                                    "Leistungsbeschreibungen (Bürgerservice)"))

    def _existing(self) -> dict[str, Any]:
        """Every service document of the collection, with its metadata (which sync owns it)."""
        filters = SearchFilters(types=[DOCUMENT_TYPE], collections=[self.collection])
        found: dict[str, Any] = {}
        offset = 0
        while True:
            page = self.store.list_documents(Access.operator(), filters, offset=offset, limit=500)
            found.update((record.id, record) for record in page)
            if len(page) < 500:
                return found
            offset += 500

    def document(self, page: ServicePage, item: _Item, source: str) -> Document:
        metadata: dict[str, Any] = {"source": source}
        metadata["url" if item.url else "path"] = item.url or item.label
        if page.leika:
            metadata["leika"] = page.leika
        return Document(
            id=item.document_id, collection=self.collection, type=DOCUMENT_TYPE, title=page.title,
            passages=[Passage(s.text, section=s.name) for s in page.sections],
            date=page.date, organizations=page.organizations, web_url=page.web_url or item.url,
            source_url=item.url, metadata=metadata,
        )

    def _sync(self, items: list[_Item], source: str, complete: bool, report: ServiceSyncReport) -> None:
        self._ensure_collection()
        existing = self._existing()
        report.seen = len(items)
        read = 0
        self.progress("index", 0, len(items))
        for i, item in enumerate(items, start=1):
            try:
                page = self._load(item)
            except BadInput as exc:
                report.skipped[item.label] = exc.reason
                log.warning("skipped %s: %s", item.label, exc.reason)
            except _FetchError as exc:
                report.errors[item.label] = str(exc)
                log.warning("could not fetch %s: %s", item.label, exc)
            else:
                read += 1
                report.warnings += [f"{item.label}: {w}" for w in page.warnings]
                self._store(page, item, source, existing.get(item.document_id), report)
            self.progress("index", i, len(items))
        if not complete:
            return  # warned while listing
        if not items:
            report.warnings.append("Keine Leistungsbeschreibungen gefunden; es wurde nichts gelöscht.")
            return
        if not read:
            report.warnings.append("Keine Datei und keine URL war lesbar; es wurde nichts gelöscht.")
            return
        present = {item.document_id for item in items}
        for doc_id, record in sorted(existing.items()):
            if record.metadata.get("source") == source and doc_id not in present and \
                    self.store.delete_document(doc_id):
                report.deleted += 1

    def _store(self, page: ServicePage, item: _Item, source: str, old: Any, report: ServiceSyncReport) -> None:
        document = self.document(page, item, source)
        chunks = chunk_document(document, self.settings.chunk_chars, self.settings.chunk_overlap)
        if old is not None and _comparable(old.metadata) != _comparable(document.metadata):
            # Metadata is not part of the content hash: a new LeiKa key or a new owner needs a real rewrite.
            owner = old.metadata.get("source")
            if owner and owner != source:
                report.warnings.append(f"{item.document_id} gehörte zu {owner} und wird jetzt von {source} gepflegt.")
            self.store.delete_document(document.id)
        if self.store.upsert_document(document, chunks):
            report.written += 1
        else:
            report.unchanged += 1
