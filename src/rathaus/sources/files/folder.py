"""A folder kept in step with a collection: ``rathaus sync folder PATH --collection C``.

Every file below the folder (hidden files and folders skipped) goes through ``FileLibrary.add``
with its path relative to the folder as its name, so its id is ``file:<collection>/<relative path>``.
Run it again at any time (cron, systemd timer): unchanged files are left alone, changed ones
replaced, and documents that an earlier run of *this* folder added and whose file is gone are
removed — but only when the whole folder could be listed and at least one file was read, so an
unmounted share or an empty folder never empties a collection. A file that cannot be read is
reported; the document stored for it earlier stays as it was.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rathaus.documents import Access, SearchFilters
from rathaus.errors import RathausError, SourceError
from rathaus.sources.files.library import DOCUMENT_TYPE, FileLibrary, document_id

log = logging.getLogger(__name__)


@dataclass
class FolderSyncReport:
    folder: str
    collection: str
    seen: int = 0
    written: int = 0
    unchanged: int = 0
    deleted: int = 0
    skipped: dict[str, str] = field(default_factory=dict)  # relative path -> German reason
    seconds: float = 0.0


def folder_source(folder: Path) -> str:
    return f"folder:{folder.resolve()}"


class FolderSync:
    def __init__(self, store: Any, settings: Any, collection: str, *, detector: Any = None,
                 publish_personal_data: bool = False) -> None:
        self.store = store
        self.library = FileLibrary(store, settings, detector)
        self.collection = collection
        self.publish_personal_data = publish_personal_data

    def run(self, folder: Path) -> FolderSyncReport:
        started = time.monotonic()
        if not folder.is_dir():
            raise SourceError(f"{folder} is not a folder", user_message=f"{folder} ist kein Ordner.")
        self.store.get_collection(self.collection)  # NotFound before any work
        source = folder_source(folder)
        report = FolderSyncReport(str(folder), self.collection)
        listing_complete = True

        def on_error(exc: OSError) -> None:
            nonlocal listing_complete
            listing_complete = False
            report.skipped[str(getattr(exc, "filename", "?"))] = f"nicht lesbar: {exc.strerror or exc}"

        present: set[str] = set()
        for root, dirs, names in os.walk(folder, onerror=on_error):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(n for n in names if not n.startswith(".")):
                path = Path(root) / name
                relative = path.relative_to(folder).as_posix()
                report.seen += 1
                try:
                    result = self.library.add(path.read_bytes(), relative, self.collection, source=source,
                                              publish_personal_data=self.publish_personal_data)
                except (RathausError, OSError) as exc:
                    report.skipped[relative] = exc.user_message if isinstance(exc, RathausError) else str(exc)
                    present.add(self._id(relative))  # keep what an earlier run stored for it
                    continue
                present.add(result.document_id)
                if result.changed:
                    report.written += 1
                else:
                    report.unchanged += 1
        read_any = report.written + report.unchanged > 0
        if listing_complete and read_any:
            for doc in self._owned(source):
                if doc.id not in present:
                    self.library.remove(doc.id)
                    report.deleted += 1
        elif not read_any:
            log.warning("folder sync of %s read no file; nothing is removed", folder)
        report.seconds = round(time.monotonic() - started, 1)
        return report

    def _id(self, relative: str) -> str:
        return document_id(self.collection, relative)

    def _owned(self, source: str) -> list[Any]:
        filters = SearchFilters(collections=[self.collection], types=[DOCUMENT_TYPE])
        out, offset = [], 0
        while True:
            page = self.store.list_documents(Access.operator(), filters, offset, 500)
            out += [d for d in page if d.metadata.get("source") == source]
            if len(page) < 500:
                return out
            offset += 500
