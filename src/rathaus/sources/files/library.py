"""Files into collections: one document per file, replaced when the same file comes again.

    library = FileLibrary(store, settings)
    result = library.add(data, "Dienstanweisung Winterdienst.pdf", "bauhof", added_by="mmeier")
    library.remove(result.document_id)

A file's document id is ``file:<collection>/<name>``, where the name is the file name (an upload,
``rathaus docs add``) or the path relative to a synced folder. Adding a file with the same name to
the same collection replaces the document; identical content changes nothing (its vectors stay).
Removing it deletes the document, its chunks and vectors from every index.

Text comes from ``ingest.formats.extract_upload``: PDF, DOCX, ODT, HTML, Markdown, text and e-mail,
recognised by their content. A file that cannot be read raises an ``InputError`` with a German
message, and whatever was stored before stays as it was.

Who may add and remove: the local operator, and signed-in staff with the role ``curator`` or
``admin`` who may read the collection (``may_manage``). A role never opens a collection the
person's groups do not.

Personal data: every file is scanned (privacy/detect.py) when it is added. How many distinct values
of each type were found goes into the document's metadata as ``personal_data`` (never the values);
the answer engine treats such a document's passages as at least *intern* when it routes a request
(privacy/policy.py). A file with personal data is refused for a collection that citizens can read
(``offen`` and published) unless the uploader confirms it (``publish_personal_data``), because a
published document reaches the public assistant.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import PurePosixPath
from typing import Any

from rathaus.documents import Access, Document
from rathaus.errors import InputError, NotFound
from rathaus.ingest.chunk import chunk_document
from rathaus.ingest.formats import extract_upload
from rathaus.privacy.detect import Detector, counts, describe

DOCUMENT_TYPE = "Document"
ID_PREFIX = "file:"
MANAGING_ROLES = ("admin", "curator")


@dataclass
class AddResult:
    document_id: str
    title: str
    format: str
    changed: bool  # False: the same content was there already
    replaced: bool  # True: a document of this name existed (with other content)
    chunks: int
    warnings: list[str] = field(default_factory=list)
    personal_data: dict[str, int] = field(default_factory=dict)  # distinct values per type, no values


class PersonalDataInPublicCollection(InputError):
    code = "personal_data_public"


def document_id(collection: str, name: str) -> str:
    return f"{ID_PREFIX}{collection}/{clean_name(name)}"


def clean_name(name: str) -> str:
    """A file name or relative path as it goes into the id: NFC, forward slashes, no '..' or empty parts."""
    parts = [p for p in PurePosixPath(unicodedata.normalize("NFC", name.replace("\\", "/"))).parts
             if p not in ("", ".", "..", "/")]
    cleaned = "/".join(re.sub(r"[\x00-\x1f\x7f]", "", p).strip() for p in parts).strip("/")
    if not cleaned:
        raise InputError(f"unusable file name {name!r}", user_message="Der Dateiname ist ungültig.")
    return cleaned[:300]


def may_manage(user: Any) -> bool:
    """Whether a signed-in user may add and remove documents in the collections they can read. The caller
    has found the collection (or document) with the user's own access, so reading is settled."""
    return user is not None and user.role in MANAGING_ROLES


class FileLibrary:
    def __init__(self, store: Any, settings: Any, detector: Detector | None = None) -> None:
        self.store = store
        self.settings = settings
        self.detector = detector or Detector()

    def add(self, data: bytes, name: str, collection: str, *, added_by: str = "", source: str = "upload",
            publish_personal_data: bool = False) -> AddResult:
        target = self.store.get_collection(collection)  # NotFound before any work
        name = clean_name(name)
        doc_id = f"{ID_PREFIX}{collection}/{name}"
        text = extract_upload(data, PurePosixPath(name).name, max_bytes=self.settings.max_file_bytes)
        try:
            existing = self.store.get_document(doc_id, Access.operator())
        except NotFound:
            existing = None
        metadata = {"file_name": name, "format": text.format, "size": len(data),
                    "sha256": hashlib.sha256(data).hexdigest(), "source": source, "warnings": text.warnings,
                    **{k: v for k, v in text.metadata.items() if isinstance(v, str | int | float | bool)}}
        if existing is not None and existing.metadata.get("sha256") == metadata["sha256"]:
            return AddResult(doc_id, existing.title, text.format, False, False,
                             len(self.store.document_chunks(doc_id, Access.operator())), text.warnings,
                             existing.metadata.get("personal_data") or {})
        personal = counts(e for p in text.passages for e in self.detector.find(p.text))
        if personal and target.public and target.classification == "offen" and not publish_personal_data:
            raise PersonalDataInPublicCollection(
                f"{name}: personal data found ({describe(personal, 'en')}); collection {collection!r} is public",
                user_message=f"Die Datei enthält personenbezogene Daten ({describe(personal)}), und die Sammlung "
                             f"„{collection}“ ist öffentlich. Bitte prüfen Sie die Datei und bestätigen Sie die "
                             f"Veröffentlichung, oder wählen Sie eine interne Sammlung.")
        metadata["personal_data"] = personal
        metadata["added_by"] = added_by
        metadata["added_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        passages = [p if p.file_name else type(p)(p.text, p.page, p.file_id, metadata["file_name"], p.section)
                    for p in text.passages]
        document = Document(id=doc_id, collection=collection, type=DOCUMENT_TYPE, title=text.title or name,
                            passages=passages, date=_date(text.metadata) or metadata["added_at"][:10],
                            metadata=metadata)
        chunks = chunk_document(document, self.settings.chunk_chars, self.settings.chunk_overlap)
        self.store.upsert_document(document, chunks)
        return AddResult(doc_id, document.title, text.format, True, existing is not None, len(chunks), text.warnings,
                         personal)

    def remove(self, doc_id: str) -> bool:
        if not doc_id.startswith(ID_PREFIX):
            raise InputError(f"{doc_id!r} is not a file document; sources remove their own documents",
                             user_message="Dieses Dokument stammt aus einer Quelle und wird dort verwaltet.")
        return self.store.delete_document(doc_id)


def _date(metadata: dict[str, Any]) -> str | None:
    """The document's own date (an e-mail's Date header), as an ISO date, when it has one."""
    value = metadata.get("date")
    if isinstance(value, str) and re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    if isinstance(value, str):
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError):
            return None
    return None
