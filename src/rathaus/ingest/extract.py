"""Text extraction by content type: PDF (pypdf, page by page), plain text, HTML.

    >>> extract_text(b"<h1>Titel</h1><p>Text</p>", "text/html").pages
    ['Titel\\n\\nText']

Pages are kept, so that citations can name them. A PDF page with no text layer yields an
empty page, not an error; a file that is not what its type says raises ExtractionError.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from rathaus.documents import nfc
from rathaus.errors import ExtractionError

log = logging.getLogger(__name__)

_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
               "table", "ul", "ol", "header", "footer", "dd", "dt", "blockquote", "pre"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head"}


@dataclass
class Extracted:
    pages: list[str]  # one entry per page; formats without pages give one
    mime_type: str

    @property
    def text(self) -> str:
        return "\n\n".join(self.pages)


class _HTMLText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag.startswith("h") or tag == "p" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n" if tag.startswith("h") or tag == "p" else "\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" ?\n ?", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def decode(data: bytes, charset: str | None = None) -> str:
    for encoding in filter(None, [charset, "utf-8"]):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("cp1252", errors="replace")


def _pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ExtractionError("not a PDF: the data does not start with %PDF",
                              user_message="Die Datei ist kein gültiges PDF.")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        pages = []
        for page in reader.pages:
            try:
                pages.append(page.extract_text() or "")
            except Exception as exc:  # noqa: BLE001 - pypdf raises many types on broken pages
                log.warning("pdf page %d unreadable: %s", len(pages) + 1, exc)
                pages.append("")
        return pages
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ExtractionError(f"unreadable PDF: {exc}", user_message="Die PDF-Datei ist beschädigt.") from exc


def extract_text(data: bytes, mime_type: str | None, *, charset: str | None = None) -> Extracted:
    """Extract text from bytes of the given MIME type. Raises ExtractionError."""
    mime = (mime_type or "").split(";")[0].strip().lower()
    if mime == "application/pdf" or (not mime and data[:5] == b"%PDF-"):
        pages = _pdf_pages(data)
        return Extracted([nfc(p) for p in pages], "application/pdf")
    if mime in ("text/html", "application/xhtml+xml"):
        return Extracted([nfc(html_to_text(decode(data, charset)))], "text/html")
    if mime.startswith("text/") or mime in ("application/json", ""):
        text = decode(data, charset)
        if "\x00" in text:
            raise ExtractionError("binary data served as text", user_message="Die Datei enthält keinen Text.")
        return Extracted([nfc(p) for p in text.split("\f")], mime or "text/plain")
    raise ExtractionError(f"unsupported content type {mime!r}",
                          user_message="Dieses Dateiformat wird nicht unterstützt.")
