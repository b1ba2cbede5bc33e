"""Text from staff uploads: PDF, DOCX, ODT, HTML, Markdown, plain text and e-mail (.eml).

    >>> upload = extract_upload("# Winterdienst\\n\\nGestreut wird ab 6 Uhr.".encode(), "notiz.md")
    >>> upload.format, upload.title, [(p.section, p.text) for p in upload.passages]
    ('markdown', 'Winterdienst', [('Winterdienst', 'Winterdienst\\n\\nGestreut wird ab 6 Uhr.')])

The format comes from the content (magic bytes, structure), never from the file name; when the
name's extension says otherwise, the content wins and the result carries a warning. A PDF gives
one passage per page; every other format one passage per section, named by its heading.

Bad input raises an ``InputError`` subclass with a German ``user_message`` and never a library's
own exception: ``UnsupportedFormat``, ``CorruptFile``, ``EncryptedFile``, ``TooLarge`` (the file,
or what it would unpack to) and ``EmptyDocument``. The defences, in order:

- the size is checked before anything is parsed (``max_bytes``);
- zip containers (DOCX, ODT) are refused with too many members, a declared unpacked size over
  ``min(20 × max_bytes, 500 MB)`` for the whole upload (e-mail attachments included), or a member
  that claims a compression ratio over 200:1; members are decompressed in bounded pieces, counted
  against the same budget, so a header that lies about the size cannot blow memory; only stored
  and deflated members are read (bzip2 and LZMA have no output bound in ``zipfile``);
- XML is parsed by ``defusedxml`` as a stream (no tree), with DTDs, entities and external
  references forbidden: Office and ODF files never need them;
- PDF stream limits are pypdf's own; more than ``MAX_PDF_PAGES`` pages is refused.

There is no OCR here: a scanned page gives a warning, a PDF without any text ``EmptyDocument``.
"""

from __future__ import annotations

import email
import io
import logging
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import PurePosixPath
from typing import Any
from xml.etree.ElementTree import Element, ParseError
from zoneinfo import ZoneInfo

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from rathaus.documents import Passage
from rathaus.errors import InputError
from rathaus.ingest.extract import decode, html_to_text

log = logging.getLogger(__name__)

__all__ = ["FORMATS", "CorruptFile", "EmptyDocument", "EncryptedFile", "TooLarge", "UnsupportedFormat",
           "UploadText", "extract_upload"]

FORMATS = ("pdf", "docx", "odt", "html", "markdown", "text", "eml")
MAX_MEMBERS = 10_000  # zip members
MAX_UNPACKED = 500_000_000  # bytes all zip members of one upload may unpack to, at most
UNPACK_FACTOR = 20  # ... and at most this many times max_bytes
MAX_RATIO = 200  # per member; real DOCX/ODT parts compress 3-30:1
RATIO_MIN_SIZE = 1_000_000  # smaller members are harmless whatever their ratio (tiny XML parts exceed 200:1)
MAX_XML_PART = 4_000_000  # metadata and style parts, parsed into a tree; the body is parsed as a stream
MAX_PDF_PAGES = 10_000
_CHUNK = 1 << 20
_BERLIN = ZoneInfo("Europe/Berlin")

_EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".dotx": "docx", ".odt": "odt", ".ott": "odt",
               ".html": "html", ".htm": "html", ".xhtml": "html", ".md": "markdown", ".markdown": "markdown",
               ".txt": "text", ".text": "text", ".eml": "eml",
               # formats we do not read: a supported content under such a name still gets a warning
               ".doc": "doc", ".rtf": "rtf", ".xlsx": "xlsx", ".xls": "xls", ".pptx": "pptx", ".ods": "ods",
               ".odp": "odp", ".msg": "msg", ".zip": "zip", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg"}
_LABELS = {"pdf": "PDF-Datei", "docx": "Word-Datei", "odt": "OpenDocument-Datei", "html": "HTML-Datei",
           "markdown": "Markdown-Datei", "text": "Textdatei", "eml": "E-Mail"}
_MAGIC = [(b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
          (b"II*\x00", "TIFF image"), (b"MM\x00*", "TIFF image"), (b"\x1f\x8b", "gzip archive"),
          (b"7z\xbc\xaf", "7-zip archive"), (b"Rar!", "RAR archive"), (b"{\\rtf", "RTF document")]
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODT_MIMETYPES = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template")
_ZIP_KINDS = [("xl/workbook.xml", "spreadsheet (XLSX)"), ("ppt/presentation.xml", "presentation (PPTX)")]

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_OUT = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_MD_HEADING = re.compile(r"^ {0,3}(#{1,3})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_MD_ANY_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_HEADER_LINE = re.compile(rb"([A-Za-z0-9-]{1,76}):")
_MAIL_HEADERS = {b"from", b"to", b"cc", b"bcc", b"subject", b"date", b"message-id", b"mime-version",
                 b"content-type", b"received", b"return-path", b"reply-to", b"sender", b"delivered-to",
                 b"in-reply-to", b"references", b"x-mailer", b"user-agent", b"thread-topic"}
_MAIL_STRONG = {b"from", b"date", b"message-id", b"mime-version", b"received", b"return-path"}
_HTML_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE)
_USELESS_TITLES = {"untitled", "unbenannt", "ohne titel", "dokument", "document", "title", "titel",
                   "powerpoint presentation", "microsoft word"}


# --- errors -----------------------------------------------------------------------------------------

class UnsupportedFormat(InputError):
    code = "unsupported_format"
    user_message = ("Dieses Dateiformat wird nicht unterstützt. Möglich sind PDF, Word (DOCX), "
                    "OpenDocument-Text (ODT), HTML, Markdown, Text und E-Mail (EML).")


class CorruptFile(InputError):
    code = "corrupt_file"
    user_message = "Die Datei ist beschädigt oder unvollständig und kann nicht gelesen werden."


class EncryptedFile(InputError):
    code = "encrypted_file"
    user_message = ("Die Datei ist verschlüsselt oder mit einem Passwort geschützt. "
                    "Bitte laden Sie eine Fassung ohne Passwortschutz hoch.")


class TooLarge(InputError):
    code = "file_too_large"
    user_message = "Die Datei ist zu groß."


class EmptyDocument(InputError):
    code = "empty_document"
    user_message = "Die Datei enthält keinen lesbaren Text."


def _bomb(message: str) -> TooLarge:
    return TooLarge(f"{message}; refusing a likely zip bomb",
                    user_message="Die Datei würde entpackt zu groß (möglicherweise eine „Zip-Bombe“) "
                                 "und wird aus Sicherheitsgründen nicht gelesen.")


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f}".removesuffix(".0").replace(".", ",")


# --- result -----------------------------------------------------------------------------------------

@dataclass
class UploadText:
    title: str  # the document's own title, else the file name without extension
    passages: list[Passage]  # reading order; PDF: one per page; others: one per section
    format: str  # one of FORMATS
    metadata: dict[str, Any] = field(default_factory=dict)  # pages, author, created; e-mail: from, to, date
    warnings: list[str] = field(default_factory=list)  # English, for logs and the curator


@dataclass
class _Budget:
    """Limits for one upload, shared with its e-mail attachments."""

    max_bytes: int
    unpacked_left: int

    def take(self, size: int, member: str) -> None:
        self.unpacked_left -= size
        if self.unpacked_left < 0:
            raise _bomb(f"zip member {member} unpacks past the limit for this upload")


def extract_upload(data: bytes, filename: str, *, max_bytes: int = 50_000_000) -> UploadText:
    """The text of an uploaded file, by its content. Raises the ``InputError`` subclasses above."""
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


# --- detection --------------------------------------------------------------------------------------

def _detect(data: bytes, name: str, budget: _Budget) -> tuple[str, Any]:
    """(format, what its reader takes): a ZipFile for DOCX/ODT, text for text formats, else bytes."""
    head = data[:4096]
    marker = head.find(b"%PDF-", 0, 1024)
    if marker >= 0 and (not head[:marker].strip(b" \t\r\n\x00\xef\xbb\xbf") or _decode_text(head[:marker]) is None):
        return "pdf", data  # at the start, or after a binary preamble (readers allow one in the first 1 KB)
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _detect_zip(data, budget)
    if head.startswith(_OLE2):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedFile(f"{name}: password-protected Office document")
        raise UnsupportedFormat(f"{name}: legacy Office file (.doc/.xls/.msg); save it as DOCX or PDF",
                                user_message="Ältere Office-Dateien (.doc, .xls) werden nicht unterstützt. "
                                             "Bitte speichern Sie die Datei als DOCX oder PDF.")
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            raise UnsupportedFormat(f"{name}: {kind} is not supported")
    if _looks_like_mail(data[:65536]):
        return "eml", data
    if _looks_like_html(head):
        return "html", data
    text = _decode_text(data)
    if text is None:
        raise UnsupportedFormat(f"{name}: binary data of an unknown format")
    ext = PurePosixPath(name).suffix.lower()
    if _EXTENSIONS.get(ext) == "html" and re.match(r"\s*<[A-Za-z!]", text):
        return "html", data  # an HTML fragment; the name and the content agree
    if _EXTENSIONS.get(ext) == "markdown" or _MD_ANY_HEADING.search(text):
        return "markdown", text
    return "text", text


def _detect_zip(data: bytes, budget: _Budget) -> tuple[str, zipfile.ZipFile]:
    if data.count(b"PK\x01\x02") > MAX_MEMBERS:  # before zipfile builds an object per member
        raise _bomb(f"zip archive with more than {MAX_MEMBERS:,} members")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, KeyError) as exc:
        raise CorruptFile(f"damaged zip container: {exc}") from exc
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise _bomb(f"zip archive with {len(infos):,} members")
    declared = sum(info.file_size for info in infos)
    if declared > budget.unpacked_left:
        raise _bomb(f"zip members declare {declared:,} bytes unpacked, more than the limit of "
                    f"{max(budget.unpacked_left, 0):,}")
    for info in infos:
        if info.file_size > RATIO_MIN_SIZE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _bomb(f"zip member {info.filename} unpacks to {info.file_size:,} bytes from "
                        f"{info.compress_size:,} (more than {MAX_RATIO}:1)")
    names = {info.filename for info in infos}
    if "word/document.xml" in names:
        fmt = "docx"
    elif "mimetype" in names:
        mimetype = _read_member(archive, "mimetype", budget, limit=200).decode("ascii", "replace").strip()
        if mimetype not in _ODT_MIMETYPES:
            raise UnsupportedFormat(f"OpenDocument file of type {mimetype!r}; only text documents (ODT) are read")
        fmt = "odt"
    else:
        kind = next((kind for member, kind in _ZIP_KINDS if member in names), "zip archive")
        raise UnsupportedFormat(f"{kind} is not supported")
    if any(info.flag_bits & 0x1 for info in infos):
        raise EncryptedFile(f"{fmt} file with encrypted zip members")
    if fmt == "odt" and "META-INF/manifest.xml" in names and \
            b"encryption-data" in _read_member(archive, "META-INF/manifest.xml", budget, MAX_XML_PART):
        raise EncryptedFile("password-protected ODT file")
    return fmt, archive


def _looks_like_mail(head: bytes) -> bool:
    """An RFC 822 header block at the start: header lines, at least two of them known mail headers."""
    lines = head.split(b"\n")
    if lines[0].startswith(b"From "):  # an mbox separator line
        lines = lines[1:]
    names: set[bytes] = set()
    for line in lines[:2000]:
        line = line.rstrip(b"\r")
        if not line:
            break
        if line[:1] in (b" ", b"\t"):
            if not names:
                return False
            continue
        match = _HEADER_LINE.match(line)
        if not match:
            return False
        names.add(match.group(1).lower())
    return len(names & _MAIL_HEADERS) >= 2 and bool(names & _MAIL_STRONG)


def _looks_like_html(head: bytes) -> bool:
    head = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    for _ in range(20):  # leading comments and an XML declaration
        if head.startswith(b"<!--"):
            head = head[head.find(b"-->") + 3:].lstrip() if b"-->" in head else b""
        elif head.startswith(b"<?xml"):
            head = head[head.find(b"?>") + 2:].lstrip() if b"?>" in head else b""
        else:
            break
    return head[:14].lower() == b"<!doctype html" or head[:5].lower() in (b"<html", b"<head", b"<body")


def _decode_text(data: bytes) -> str | None:
    """UTF-8 (or UTF-16 with a BOM, or cp1252) without control characters; None: not text."""
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = data.decode("utf-16")
        else:
            raw = data.removeprefix(b"\xef\xbb\xbf")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252")
    except UnicodeDecodeError:
        return None
    text = text.rstrip("\x1a")  # a DOS end-of-file mark
    return None if _CONTROL.search(text) else text


# --- zip members and XML ----------------------------------------------------------------------------

def _member_chunks(archive: zipfile.ZipFile, member: str, budget: _Budget, limit: int) -> Iterator[bytes]:
    """A member's bytes in bounded pieces, counted against the budget whatever its header says."""
    info = archive.getinfo(member)
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise CorruptFile(f"zip member {member} uses compression method {info.compress_type}; "
                          "only stored and deflated members are read")
    if info.file_size > limit:
        raise _bomb(f"zip member {member} declares {info.file_size:,} bytes, more than {limit:,}")
    read = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                read += len(chunk)
                if read > info.file_size or read > limit:
                    raise CorruptFile(f"zip member {member} is longer than its header says")
                budget.take(len(chunk), member)
                yield chunk
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, RuntimeError) as exc:
        # RuntimeError: an encrypted member; the others: a damaged stream or a failed CRC check
        raise CorruptFile(f"zip member {member} is damaged: {exc}") from exc


def _read_member(archive: zipfile.ZipFile, member: str, budget: _Budget, limit: int) -> bytes:
    return b"".join(_member_chunks(archive, member, budget, limit))


def _xml_parser(target: Any) -> DefusedXMLParser:
    return DefusedXMLParser(target=target, forbid_dtd=True, forbid_entities=True, forbid_external=True)


def _parse_xml(member: str, chunks: Iterator[bytes], target: Any) -> Any:
    """Feed a member to a streaming parser. A DTD or an entity is refused: the parts never need one."""
    parser = _xml_parser(target)
    try:
        for chunk in chunks:
            parser.feed(chunk)
        return parser.close()
    except DefusedXmlException as exc:
        raise CorruptFile(f"{member} declares a DTD or entities ({type(exc).__name__}), which documents never "
                          "need; refused as a possible entity-expansion attack") from exc
    except ParseError as exc:
        raise CorruptFile(f"{member} is not well-formed XML: {exc}") from exc


def _xml_tree(archive: zipfile.ZipFile, member: str, budget: _Budget, warnings: list[str]) -> Element | None:
    """A small part (metadata, styles) as a tree; None when it is missing or not well-formed."""
    info = archive.NameToInfo.get(member)
    if info is None:
        return None
    if info.file_size > MAX_XML_PART:
        warnings.append(f"{member} ignored: {info.file_size:,} bytes, more than {MAX_XML_PART:,}")
        return None
    try:
        return _parse_xml(member, _member_chunks(archive, member, budget, MAX_XML_PART), None)
    except CorruptFile as exc:
        if isinstance(exc.__cause__, DefusedXmlException):
            raise
        warnings.append(f"{member} ignored: {exc}")
        return None


class _Sections:
    """Text blocks grouped into passages: a heading starts a new one, named after it. A heading with
    no text of its own (a chapter right before its first subsection) leads into the next passage."""

    def __init__(self) -> None:
        self.done: list[tuple[str | None, str]] = []
        self.heading: str | None = None
        self.lead: list[str] = []
        self.blocks: list[str] = []
        self.headings: list[str] = []

    def add_heading(self, text: str) -> None:
        text = _one_line(text)
        if len(text) > 200:  # a paragraph styled as a heading
            self.add_text(text)
            return
        if not text:
            return
        self.headings.append(text)
        if self.blocks:
            self._flush()
        elif self.heading:
            self.lead.append(self.heading)
        self.heading = text

    def add_text(self, text: str) -> None:
        if text := text.strip():
            self.blocks.append(text)

    def _flush(self) -> None:
        parts = self.lead + ([self.heading] if self.heading else []) + self.blocks
        if parts:
            self.done.append((self.heading, "\n\n".join(parts)))
        self.lead, self.blocks = [], []

    def passages(self, file_name: str) -> list[Passage]:
        self._flush()
        self.heading = None
        return [Passage(text, file_name=file_name, section=section) for section, text in self.done]


@dataclass
class _Para:
    heading: bool = False
    level: int | None = None  # outline level from the paragraph's own properties (DOCX)
    style: str | None = None
    parts: list[str] = field(default_factory=list)


class _XmlText:
    """Parser target for a document body: paragraphs, headings and tables in reading order, without
    building a tree. Table rows become lines of cells joined by " | "; nested tables join their cell."""

    PARAGRAPHS: frozenset[str] = frozenset()
    HEADINGS: frozenset[str] = frozenset()
    TABLE = ROW = CELL = ""
    SKIP: frozenset[str] = frozenset()
    TEXT: frozenset[str] | None = None  # only data directly in these counts; None: any data in a paragraph

    def __init__(self, sections: _Sections) -> None:
        self.sections = sections
        self.path: list[str] = []
        self.skip = 0
        self.paras: list[_Para] = []
        self.frames: list[tuple[str, list]] = []  # ("table", rows) and ("cell", texts)

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.path.append(tag)
        if self.skip or tag in self.SKIP:
            self.skip += 1
        elif tag in self.PARAGRAPHS:
            self.paras.append(_Para(heading=tag in self.HEADINGS))
        elif tag == self.TABLE:
            self.frames.append(("table", []))
        elif tag == self.ROW and self.frames and self.frames[-1][0] == "table":
            self.frames[-1][1].append([])
        elif tag == self.CELL:
            self.frames.append(("cell", []))
        elif self.paras:
            self.inline(tag, attrib, self.paras[-1])

    def end(self, tag: str) -> None:
        self.path.pop()
        if self.skip:
            self.skip -= 1
        elif tag in self.PARAGRAPHS and self.paras:
            para = self.paras.pop()
            text = "\n".join(line.strip() for line in "".join(para.parts).splitlines()).strip()
            self._emit(text, self.is_heading(para))
        elif tag == self.TABLE and self.frames and self.frames[-1][0] == "table":
            rows = self.frames.pop()[1]
            self._emit("\n".join(" | ".join(row) for row in rows if any(row)), heading=False)
        elif tag == self.CELL and self.frames and self.frames[-1][0] == "cell":
            cell = " ".join(self.frames.pop()[1]).replace("\n", " ")
            if self.frames and self.frames[-1][0] == "table" and self.frames[-1][1]:
                self.frames[-1][1][-1].append(cell)

    def data(self, text: str) -> None:
        if self.skip or not self.paras or (self.TEXT is not None and self.path[-1] not in self.TEXT):
            return
        self.paras[-1].parts.append(self.normalise(text))

    def close(self) -> None:
        return None

    def _emit(self, text: str, heading: bool) -> None:
        if not text:
            return
        if self.frames and self.frames[-1][0] == "cell":
            self.frames[-1][1].append(text)
        elif heading and not self.frames:
            self.sections.add_heading(text)
        else:
            self.sections.add_text(text)

    # dialect hooks
    def inline(self, tag: str, attrib: dict[str, str], para: _Para) -> None:
        pass

    def normalise(self, text: str) -> str:
        return text

    def is_heading(self, para: _Para) -> bool:
        return para.heading


# --- DOCX -------------------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_STRICT = "{http://purl.oclc.org/ooxml/wordprocessingml/main}"  # "Strict Open XML", same names
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_DC = "{http://purl.org/dc/elements/1.1/}"
_DCTERMS = "{http://purl.org/dc/terms/}"
_HEADING_STYLE = re.compile(r"(?:heading|[üu]?berschrift)\s*[1-9]|title|titel", re.IGNORECASE)


class _DocxText(_XmlText):
    PARAGRAPHS = frozenset({_W + "p"})
    TABLE, ROW, CELL = _W + "tbl", _W + "tr", _W + "tc"
    SKIP = frozenset({_MC_FALLBACK})  # the same content again, for old readers
    TEXT = frozenset({_W + "t"})  # not w:delText (tracked deletions) nor w:instrText (field codes)
    _INLINE = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n", _W + "noBreakHyphen": "-"}

    def __init__(self, sections: _Sections, heading_styles: set[str]) -> None:
        super().__init__(sections)
        self.heading_styles = heading_styles

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if tag.startswith(_W_STRICT):
            tag = _W + tag[len(_W_STRICT):]
            attrib = {key.replace(_W_STRICT, _W): value for key, value in attrib.items()}
        super().start(tag, attrib)

    def end(self, tag: str) -> None:
        super().end(_W + tag[len(_W_STRICT):] if tag.startswith(_W_STRICT) else tag)

    def inline(self, tag: str, attrib: dict[str, str], para: _Para) -> None:
        parent = self.path[-2] if len(self.path) > 1 else ""
        if tag in self._INLINE and parent == _W + "r":  # not w:tabs/w:tab, the tab stops in w:pPr
            para.parts.append(self._INLINE[tag])
        elif parent == _W + "pPr" and self.path[-3:-2] == [_W + "p"]:
            if tag == _W + "pStyle":
                para.style = attrib.get(_W + "val")
            elif tag == _W + "outlineLvl" and (attrib.get(_W + "val") or "").isdigit():
                para.level = int(attrib[_W + "val"])

    def is_heading(self, para: _Para) -> bool:
        if para.level is not None:
            return para.level < 9  # 9 is body text
        return bool(para.style) and (para.style in self.heading_styles or bool(_HEADING_STYLE.fullmatch(para.style)))


def _heading_styles(styles: Element | None) -> set[str]:
    """Ids of paragraph styles that are headings: by built-in name, outline level, or inheritance."""
    if styles is None:
        return set()
    based_on: dict[str, str] = {}
    headings: set[str] = set()
    for style in styles.iter(_W + "style"):
        style_id = style.get(_W + "styleId") or ""
        name = style.find(_W + "name")
        level = style.find(f"{_W}pPr/{_W}outlineLvl")
        level_value = (level.get(_W + "val") or "") if level is not None else ""
        parent = style.find(_W + "basedOn")
        if (name is not None and _HEADING_STYLE.fullmatch(name.get(_W + "val") or "")) or \
                (level_value.isdigit() and int(level_value) < 9):
            headings.add(style_id)
        elif parent is not None:
            based_on[style_id] = parent.get(_W + "val") or ""
    for style_id in based_on:  # a city template's "Überschrift Amt 32", based on "heading 1"
        seen, current = set(), style_id
        while current in based_on and current not in seen:
            seen.add(current)
            current = based_on[current]
        if current in headings:
            headings.add(style_id)
    return headings


def _read_docx(archive: zipfile.ZipFile, name: str, budget: _Budget, depth: int) -> UploadText:
    warnings: list[str] = []
    core = _xml_tree(archive, "docProps/core.xml", budget, warnings)
    styles = _xml_tree(archive, "word/styles.xml", budget, warnings)
    sections = _Sections()
    body = _DocxText(sections, _heading_styles(styles))
    _parse_xml("word/document.xml", _member_chunks(archive, "word/document.xml", budget, budget.unpacked_left),
               body)
    metadata = _core_metadata(core, {"author": _DC + "creator", "created": _DCTERMS + "created",
                                     "modified": _DCTERMS + "modified"})
    title = _text_of(core, _DC + "title") or (sections.headings[0] if sections.headings else "")
    return UploadText(title, sections.passages(name), "docx", metadata, warnings)


def _text_of(tree: Element | None, tag: str) -> str:
    node = tree.find(f".//{tag}") if tree is not None else None
    return _one_line(node.text or "") if node is not None else ""


def _core_metadata(tree: Element | None, tags: dict[str, str]) -> dict[str, Any]:
    return {key: value for key, tag in tags.items() if (value := _text_of(tree, tag))}


# --- ODT --------------------------------------------------------------------------------------------

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_SVG = "{urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0}"


class _OdtText(_XmlText):
    PARAGRAPHS = frozenset({_TEXT + "p", _TEXT + "h"})
    HEADINGS = frozenset({_TEXT + "h"})
    TABLE, ROW, CELL = _TABLE + "table", _TABLE + "table-row", _TABLE + "table-cell"
    SKIP = frozenset({_OFFICE + "annotation", _TEXT + "note-citation", _TEXT + "tracked-changes",
                      _TEXT + "table-of-content", _SVG + "title", _SVG + "desc"})  # svg: a frame's alt text

    def inline(self, tag: str, attrib: dict[str, str], para: _Para) -> None:
        if tag == _TEXT + "s":
            count = attrib.get(_TEXT + "c", "1")
            para.parts.append(" " * min(int(count) if count.isdigit() else 1, 100))
        elif tag == _TEXT + "tab":
            para.parts.append("\t")
        elif tag == _TEXT + "line-break":
            para.parts.append("\n")

    def normalise(self, text: str) -> str:
        return re.sub(r"[ \t\r\n]+", " ", text)  # ODF collapses white space; text:s and text:tab carry it


def _read_odt(archive: zipfile.ZipFile, name: str, budget: _Budget, depth: int) -> UploadText:
    warnings: list[str] = []
    if "content.xml" not in archive.NameToInfo:
        raise CorruptFile(f"{name}: ODT file without content.xml")
    meta = _xml_tree(archive, "meta.xml", budget, warnings)
    sections = _Sections()
    _parse_xml("content.xml", _member_chunks(archive, "content.xml", budget, budget.unpacked_left),
               _OdtText(sections))
    metadata = _core_metadata(meta, {"author": _META + "initial-creator", "created": _META + "creation-date",
                                     "modified": _DC + "date"})
    if "author" not in metadata and (creator := _text_of(meta, _DC + "creator")):
        metadata["author"] = creator
    title = _text_of(meta, _DC + "title") or (sections.headings[0] if sections.headings else "")
    return UploadText(title, sections.passages(name), "odt", metadata, warnings)


# --- PDF --------------------------------------------------------------------------------------------

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


# --- HTML -------------------------------------------------------------------------------------------

_HTML_BLOCKS = {"p", "div", "br", "li", "tr", "h4", "h5", "h6", "section", "article", "table", "ul", "ol",
                "header", "footer", "dd", "dt", "blockquote", "pre", "main", "nav", "aside", "figure", "hr"}
_HTML_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
_HTML_SECTIONS = {"h1", "h2", "h3"}


class _HTMLSections(HTMLParser):
    """Like ``extract.html_to_text``, with h1–h3 starting sections and table cells joined by " | "."""

    def __init__(self, sections: _Sections) -> None:
        super().__init__(convert_charrefs=True)
        self.sections = sections
        self.parts: list[str] = []
        self.skip = 0
        self.heading: list[str] | None = None
        self.title_parts: list[str] | None = None
        self.title = ""
        self.first_h1 = ""
        self.cells = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title" and not self.title and self.title_parts is None:
            self.title_parts = []
        elif tag == "body":
            self.skip = 0  # a <head> whose end tag was left out (HTML allows that)
        elif tag in _HTML_SKIP:
            self.skip += 1
        elif self.skip:
            return
        elif tag in _HTML_SECTIONS:
            self._flush()
            self.heading = []
        elif tag in ("td", "th"):
            self.parts.append(" | " if self.cells else "")
            self.cells += 1
        elif tag in _HTML_BLOCKS:
            self.cells = 0 if tag == "tr" else self.cells
            self.parts.append("\n\n" if tag in ("p", "h4", "h5", "h6") else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self.title_parts is not None:
            self.title = _one_line("".join(self.title_parts)) or " "
            self.title_parts = None
        elif tag in _HTML_SKIP:
            self.skip = max(0, self.skip - 1)
        elif self.skip:
            return
        elif tag in _HTML_SECTIONS and self.heading is not None:
            text = _one_line("".join(self.heading))
            self.heading = None
            self.sections.add_heading(text)
            if tag == "h1" and not self.first_h1:
                self.first_h1 = text
        elif tag in _HTML_BLOCKS and tag != "tr":  # rows: one line each
            self.parts.append("\n\n" if tag in ("p", "h4", "h5", "h6") else "\n")

    def handle_data(self, data: str) -> None:
        if self.title_parts is not None:
            self.title_parts.append(data)
        elif not self.skip:
            (self.heading if self.heading is not None else self.parts).append(data)

    def _flush(self) -> None:
        text = re.sub(r"[ \t\r\f\v]+", " ", "".join(self.parts))
        text = re.sub(r" ?\n ?", "\n", text)
        self.sections.add_text(re.sub(r"\n{3,}", "\n\n", text))
        self.parts = []

    def finish(self) -> None:
        self.close()
        if self.heading is not None:  # an h1 never closed: its text is text
            self.parts += self.heading
            self.heading = None
        self._flush()


def _read_html(data: bytes, name: str, budget: _Budget, depth: int) -> UploadText:
    match = _HTML_CHARSET.search(data[:4096])
    charset = "utf-8" if data.startswith(b"\xef\xbb\xbf") else match.group(1).decode("ascii") if match else None
    sections = _Sections()
    parser = _HTMLSections(sections)
    parser.feed(decode(data.removeprefix(b"\xef\xbb\xbf"), charset))
    parser.finish()
    return UploadText(parser.title.strip() or parser.first_h1, sections.passages(name), "html")


# --- Markdown and plain text ------------------------------------------------------------------------

def _read_markdown(text: str, name: str, budget: _Budget, depth: int) -> UploadText:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title = ""
    if lines and lines[0].strip() == "---":  # YAML front matter
        end = next((i for i, line in enumerate(lines[1:200], 1) if line.strip() in ("---", "...")), 0)
        for line in lines[1:end]:
            key, _, value = line.partition(":")
            if key.strip().lower() == "title":
                title = value.strip().strip("\"'")
        lines = lines[end + 1:] if end else lines
    sections = _Sections()
    buffer: list[str] = []
    fence = ""

    def flush() -> None:
        sections.add_text("\n".join(buffer))
        buffer.clear()

    for line in lines:
        stripped = line.strip()
        if fence:  # inside a code block: no headings
            buffer.append(line)
            fence = "" if stripped.startswith(fence) else fence
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            buffer.append(line)
            continue
        heading = _MD_HEADING.match(line)
        underline = re.fullmatch(r"=+|-+", stripped) and len(stripped) >= 2
        if heading:
            flush()
            sections.add_heading(heading.group(2))
        elif underline and buffer and buffer[-1].strip() and not buffer[-1].lstrip().startswith(("-", "*", "|", ">")):
            previous = buffer.pop()  # a setext heading: the line above an underline of = or -
            flush()
            sections.add_heading(previous)
        else:
            buffer.append(line)
    flush()
    title = title or (sections.headings[0] if sections.headings else "")
    return UploadText(title, sections.passages(name), "markdown")


def _read_text(text: str, name: str, budget: _Budget, depth: int) -> UploadText:
    pages = text.split("\f")
    if len(pages) == 1:
        return UploadText("", [Passage(text, file_name=name)], "text")
    passages = [Passage(page, page=number, file_name=name) for number, page in enumerate(pages, 1)]
    return UploadText("", passages, "text", {"pages": len(pages)})


# --- e-mail -----------------------------------------------------------------------------------------

def _read_eml(data: bytes, name: str, budget: _Budget, depth: int) -> UploadText:
    return _read_message(email.message_from_bytes(data, policy=policy.default), name, budget, depth)


def _read_message(msg: EmailMessage, name: str, budget: _Budget, depth: int) -> UploadText:
    warnings: list[str] = []
    subject, sender, to, cc = (_header(msg, h, warnings) for h in ("subject", "from", "to", "cc"))
    metadata: dict[str, Any] = {key: value for key, value in
                                (("from", sender), ("to", to), ("cc", cc), ("subject", subject)) if value}
    shown_date = _header(msg, "date", warnings)
    try:
        when = getattr(msg.get("date"), "datetime", None)
    except Exception:  # noqa: BLE001 - malformed headers raise from deep inside the email package
        when = None
    if when is not None:
        metadata["date"] = when.isoformat()
        shown_date = (when.astimezone(_BERLIN) if when.tzinfo else when).strftime("%d.%m.%Y %H:%M")
    head = [f"{label}: {value}" for label, value in (("Von", sender), ("An", to), ("Cc", cc),
                                                      ("Datum", shown_date), ("Betreff", subject)) if value]
    passages = [Passage("\n".join(head), file_name=name)] if head else []
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is not None:
        content = body.get_content()
        text = html_to_text(content) if body.get_content_subtype() == "html" else content
        passages.append(Passage(text, file_name=name))
    attachments, unsupported, skipped = [], [], []
    for number, part in enumerate(msg.iter_attachments(), start=1):
        part_name = _base_name(_safe(part.get_filename)) or f"Anhang {number}"
        attachments.append(part_name)
        if depth > 0:
            skipped.append(part_name)
            continue
        try:
            if part.get_content_maintype() == "message" and part.get_content_subtype() == "rfc822":
                inner = part.get_content()
                result = _read_message(inner, part_name, budget, depth + 1)
                result.passages = [p for p in result.passages if _clean(p.text)]
            else:
                payload = part.get_payload(decode=True) or b""
                if part.get_content_type() == "text/plain":  # its charset is in the part's header, not the bytes
                    payload = part.get_content().encode("utf-8")
                result = _extract(payload, part_name, budget, depth + 1)
        except UnsupportedFormat:
            unsupported.append(part_name)
            continue
        except InputError as exc:
            warnings.append(f"attachment {part_name} skipped: {exc}")
            continue
        except Exception as exc:  # noqa: BLE001 - a broken MIME part must not lose the rest of the mail
            warnings.append(f"attachment {part_name} skipped: unreadable ({type(exc).__name__}: {exc})")
            continue
        passages += [Passage(p.text, p.page, p.file_id, p.file_name or part_name, p.section) for p in result.passages]
        warnings += [f"attachment {part_name}: {w}" for w in result.warnings]
    if unsupported:
        warnings.append(f"attachments not extracted (unsupported format): {', '.join(unsupported)}")
    if skipped:
        warnings.append(f"attachments of the attached e-mail {name} not extracted (one level only): "
                        f"{', '.join(skipped)}")
    if attachments:
        metadata["attachments"] = len(attachments)
    if not subject and not any(_clean(p.text) for p in passages[1:]):
        passages = []  # headers alone are no document
    return UploadText(subject, passages, "eml", metadata, warnings)


def _header(msg: EmailMessage, header: str, warnings: list[str]) -> str:
    try:
        value = msg.get(header)
        return _one_line(str(value)) if value is not None else ""
    except Exception as exc:  # noqa: BLE001 - malformed headers raise from deep inside the email package
        warnings.append(f"e-mail header {header} unreadable: {exc}")
        return ""


def _safe(get: Callable[[], Any]) -> str:
    try:
        return str(get() or "")
    except Exception:  # noqa: BLE001 - a malformed filename parameter is just no name
        return ""


# --- helpers ----------------------------------------------------------------------------------------

_READERS: dict[str, Callable[[Any, str, _Budget, int], UploadText]] = {
    "pdf": _read_pdf, "docx": _read_docx, "odt": _read_odt, "html": _read_html,
    "markdown": _read_markdown, "text": _read_text, "eml": _read_eml,
}


def _base_name(filename: str) -> str:
    return _CONTROL_OUT.sub("", (filename or "").replace("\\", "/").rsplit("/", 1)[-1]).strip()


def _one_line(text: str | None) -> str:
    return re.sub(r"\s+", " ", _CONTROL_OUT.sub("", text or "")).strip()


def _clean(text: str) -> str:
    """NFC, Unix line ends, no control characters but tab and newline, no trailing blanks."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n")
    text = _CONTROL_OUT.sub("", text.replace("\x0c", "\n\n"))
    return re.sub(r"[ \t]+\n", "\n", text).strip()


def _title(raw: str) -> str:
    title = _one_line(unicodedata.normalize("NFC", raw or ""))
    if match := re.fullmatch(r"Microsoft (?:Word|PowerPoint) - (.+?)(?:\.(?:docx?|pptx?|rtf))?", title):
        title = match.group(1)  # what Office's PDF printer puts in the title
    return "" if title.lower() in _USELESS_TITLES else title[:300]
