"""PDF: one passage per page, from pypdf's text layer; no OCR."""

from __future__ import annotations

import io
import logging
from typing import Any

from rathaus.documents import Passage
from rathaus.ingest.formats.archive import _Budget
from rathaus.ingest.formats.common import UploadText, _clean, _one_line
from rathaus.ingest.formats.errors import CorruptFile, EmptyDocument, EncryptedFile, TooLarge

log = logging.getLogger(__name__)

MAX_PDF_PAGES = 10_000


def _read_pdf(data: bytes, name: str, budget: _Budget, depth: int) -> UploadText:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on broken files
        raise CorruptFile(f"{name}: unreadable PDF ({type(exc).__name__}: {exc})",
                          user_message="Die PDF-Datei ist beschädigt und kann nicht gelesen werden.") from exc
    if reader.is_encrypted:
        try:
            decrypted = reader.decrypt("")  # many PDFs have only an owner password: they open without one
        except DependencyError as exc:
            raise EncryptedFile(f"{name}: encrypted PDF; decrypting needs the cryptography package") from exc
        except Exception as exc:  # noqa: BLE001 - unknown or broken security handlers
            raise EncryptedFile(f"{name}: encrypted PDF that cannot be opened ({exc})") from exc
        if not decrypted:
            raise EncryptedFile(f"{name}: the PDF is protected by a password",
                                user_message="Die PDF-Datei ist mit einem Passwort geschützt. Bitte laden Sie "
                                             "eine Fassung ohne Passwortschutz hoch.")
    count = len(reader.pages)
    if count > MAX_PDF_PAGES:
        raise TooLarge(f"{name}: PDF with {count:,} pages, more than {MAX_PDF_PAGES:,}",
                       user_message=f"Die PDF-Datei hat zu viele Seiten (höchstens {MAX_PDF_PAGES:,}).".replace(
                           ",", "."))  # German thousands separator
    passages, empty, failed = [], [], []
    for number, page in enumerate(reader.pages, start=1):
        try:
            text = page.extract_text() or ""
        except Exception as exc:  # noqa: BLE001 - one broken page must not lose the others
            log.warning("%s: page %d unreadable: %s", name, number, exc)
            failed.append(number)
            continue
        if _clean(text):
            passages.append(Passage(text, page=number, file_name=name))
        else:
            empty.append(number)
    if not passages:
        if count and len(empty) == count:
            raise EmptyDocument(f"{name}: no page of the PDF has a text layer (scanned?); no OCR",
                                user_message="Die PDF-Datei enthält keinen Text, vermutlich ist sie eingescannt. "
                                             "Eine Texterkennung (OCR) gibt es hier nicht.")
        if failed:
            raise CorruptFile(f"{name}: no page of the PDF could be read",
                              user_message="Die PDF-Datei ist beschädigt und kann nicht gelesen werden.")
    warnings = []
    if empty:
        warnings.append(f"{_pages(empty)} no text layer (scanned?); no OCR")
    if failed:
        warnings.append(f"{_pages(failed)} unreadable and skipped")
    metadata: dict[str, Any] = {"pages": count}
    title = ""
    try:
        info = reader.metadata
        if info is not None:
            title = str(info.title or "")
            if info.author:
                metadata["author"] = _one_line(str(info.author))
            if info.creation_date is not None:
                metadata["created"] = info.creation_date.isoformat()
    except Exception as exc:  # noqa: BLE001 - a broken info dictionary is no reason to lose the text
        warnings.append(f"PDF metadata ignored: {exc}")
    return UploadText(title, passages, "pdf", metadata, warnings)


def _pages(numbers: list[int]) -> str:
    """'page 3 has' / 'pages 3, 4, 7-12 have' (runs of three or more as ranges; at most 20 items)."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and runs[-1][-1] == n - 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    items: list[str] = []
    for run in runs:
        items += [f"{run[0]}-{run[-1]}"] if len(run) >= 3 else [str(n) for n in run]
    listed = ", ".join(items[:20]) + (", …" if len(items) > 20 else "")
    return f"page {listed} has" if len(numbers) == 1 else f"pages {listed} have"
