"""``extract_upload``: size and emptiness checks, detection, the reader, and the clean-up of its result."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from rathaus.documents import Passage
from rathaus.errors import InputError
from rathaus.ingest.formats.archive import MAX_UNPACKED, UNPACK_FACTOR, _Budget
from rathaus.ingest.formats.common import UploadText, _base_name, _clean, _one_line
from rathaus.ingest.formats.detect import _EXTENSIONS, _detect
from rathaus.ingest.formats.errors import CorruptFile, EmptyDocument, TooLarge
from rathaus.ingest.formats.mail import _read_eml
from rathaus.ingest.formats.office import _read_docx, _read_odt
from rathaus.ingest.formats.pdf import _read_pdf
from rathaus.ingest.formats.text import _read_markdown, _read_text
from rathaus.ingest.formats.web import _read_html

_LABELS = {"pdf": "PDF-Datei", "docx": "Word-Datei", "odt": "OpenDocument-Datei", "html": "HTML-Datei",
           "markdown": "Markdown-Datei", "text": "Textdatei", "eml": "E-Mail"}
_USELESS_TITLES = {"untitled", "unbenannt", "ohne titel", "dokument", "document", "title", "titel",
                   "powerpoint presentation", "microsoft word"}


def extract_upload(data: bytes, filename: str, *, max_bytes: int = 50_000_000) -> UploadText:
    """The text of an uploaded file, by its content. Raises the ``InputError`` subclasses in ``errors``."""
    if max_bytes <= 0:
        raise ValueError("max_bytes must be positive")
    budget = _Budget(max_bytes, min(UNPACK_FACTOR * max_bytes, MAX_UNPACKED))
    return _extract(bytes(data), filename, budget, depth=0)


def _extract(data: bytes, filename: str, budget: _Budget, depth: int) -> UploadText:
    name = _base_name(filename)
    if len(data) > budget.max_bytes:
        raise TooLarge(f"{name}: {len(data):,} bytes, more than the limit of {budget.max_bytes:,}",
                       user_message=f"Die Datei ist zu groß ({_mb(len(data))} MB); "
                                    f"erlaubt sind höchstens {_mb(budget.max_bytes)} MB.")
    if not data or data.isspace():
        raise EmptyDocument(f"{name}: the file is empty", user_message="Die Datei ist leer.")
    fmt = "file"
    try:
        fmt, payload = _detect(data, name, budget)
        expected = _EXTENSIONS.get(PurePosixPath(name).suffix.lower())
        warnings = []
        if expected and expected != fmt and {expected, fmt} != {"text", "markdown"}:
            warnings.append(f"file extension {PurePosixPath(name).suffix} but content is {fmt}")
        result = _READERS[fmt](payload, name, budget, depth)
    except InputError:
        raise
    except MemoryError as exc:
        raise TooLarge(f"{name}: out of memory while reading the {fmt} file",
                       user_message="Die Datei ist zu groß, um sie zu lesen.") from exc
    except Exception as exc:  # noqa: BLE001 - parsers of untrusted files raise anything; none may escape
        raise CorruptFile(f"{name}: unreadable {fmt} file ({type(exc).__name__}: {exc})",
                          user_message=f"Die {_LABELS.get(fmt, 'Datei')} ist beschädigt und kann nicht gelesen "
                                       f"werden.") from exc
    result.warnings[:0] = warnings
    result.passages = [Passage(text, p.page, p.file_id, p.file_name or name, _one_line(p.section) or None)
                       for p in result.passages if (text := _clean(p.text))]
    if not result.passages:
        raise EmptyDocument(f"{name}: the {fmt} file contains no text",
                            user_message=f"Die {_LABELS[fmt]} enthält keinen lesbaren Text.")
    result.title = _title(result.title) or PurePosixPath(name).stem or name or "Dokument"
    return result


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}".removesuffix(".0").replace(".", ",")


_READERS: dict[str, Callable[[Any, str, _Budget, int], UploadText]] = {
    "pdf": _read_pdf, "docx": _read_docx, "odt": _read_odt, "html": _read_html,
    "markdown": _read_markdown, "text": _read_text, "eml": _read_eml,
}


def _title(raw: str) -> str:
    title = _one_line(unicodedata.normalize("NFC", raw or ""))
    if match := re.fullmatch(r"Microsoft (?:Word|PowerPoint) - (.+?)(?:\.(?:docx?|pptx?|rtf))?", title):
        title = match.group(1)  # what Office's PDF printer puts in the title
    return "" if title.lower() in _USELESS_TITLES else title[:300]
