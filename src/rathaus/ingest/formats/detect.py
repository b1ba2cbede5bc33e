"""Which format an upload is, from its content (magic bytes, structure), never from its name."""

from __future__ import annotations

import re
import zipfile
from pathlib import PurePosixPath
from typing import Any

from rathaus.ingest.formats.archive import MAX_XML_PART, _Budget, _open_zip, _read_member
from rathaus.ingest.formats.errors import EncryptedFile, UnsupportedFormat

FORMATS = ("pdf", "docx", "odt", "html", "markdown", "text", "eml")

_EXTENSIONS = {".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".dotx": "docx", ".odt": "odt", ".ott": "odt",
               ".html": "html", ".htm": "html", ".xhtml": "html", ".md": "markdown", ".markdown": "markdown",
               ".txt": "text", ".text": "text", ".eml": "eml",
               # formats we do not read: a supported content under such a name still gets a warning
               ".doc": "doc", ".rtf": "rtf", ".xlsx": "xlsx", ".xls": "xls", ".pptx": "pptx", ".ods": "ods",
               ".odp": "odp", ".msg": "msg", ".zip": "zip", ".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg"}
_MAGIC = [(b"\x89PNG", "PNG image"), (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"),
          (b"II*\x00", "TIFF image"), (b"MM\x00*", "TIFF image"), (b"\x1f\x8b", "gzip archive"),
          (b"7z\xbc\xaf", "7-zip archive"), (b"Rar!", "RAR archive"), (b"{\\rtf", "RTF document")]
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODT_MIMETYPES = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template")
_ZIP_KINDS = [("xl/workbook.xml", "spreadsheet (XLSX)"), ("ppt/presentation.xml", "presentation (PPTX)")]

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_MD_ANY_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.MULTILINE)
_HEADER_LINE = re.compile(rb"([A-Za-z0-9-]{1,76}):")
_MAIL_HEADERS = {b"from", b"to", b"cc", b"bcc", b"subject", b"date", b"message-id", b"mime-version",
                 b"content-type", b"received", b"return-path", b"reply-to", b"sender", b"delivered-to",
                 b"in-reply-to", b"references", b"x-mailer", b"user-agent", b"thread-topic"}
_MAIL_STRONG = {b"from", b"date", b"message-id", b"mime-version", b"received", b"return-path"}


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
    archive = _open_zip(data, budget)
    infos = archive.infolist()
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
