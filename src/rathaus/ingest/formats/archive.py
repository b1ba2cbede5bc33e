"""Zip containers (DOCX, ODT) read within a budget, and their XML parts parsed safely.

The budget is shared by one upload and its e-mail attachments. A zip is refused before any member
is read when it has too many members, declares more unpacked bytes than the budget has left, or has
a member with a suspicious compression ratio; members are then decompressed in bounded pieces, each
counted against the budget, so a header that lies about the size cannot blow memory. XML is parsed
by ``defusedxml`` as a stream, with DTDs, entities and external references forbidden.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from rathaus.ingest.formats.errors import CorruptFile, TooLarge

MAX_MEMBERS = 10_000  # zip members
MAX_UNPACKED = 500_000_000  # bytes all zip members of one upload may unpack to, at most
UNPACK_FACTOR = 20  # ... and at most this many times max_bytes
MAX_RATIO = 200  # per member; real DOCX/ODT parts compress 3-30:1
RATIO_MIN_SIZE = 1_000_000  # smaller members are harmless whatever their ratio (tiny XML parts exceed 200:1)
MAX_XML_PART = 4_000_000  # metadata and style parts, parsed into a tree; the body is parsed as a stream
_CHUNK = 1 << 20


def _bomb(message: str) -> TooLarge:
    return TooLarge(f"{message}; refusing a likely zip bomb",
                    user_message="Die Datei würde entpackt zu groß (möglicherweise eine „Zip-Bombe“) "
                                 "und wird aus Sicherheitsgründen nicht gelesen.")


@dataclass
class _Budget:
    """Limits for one upload, shared with its e-mail attachments."""

    max_bytes: int
    unpacked_left: int

    def take(self, size: int, member: str) -> None:
        self.unpacked_left -= size
        if self.unpacked_left < 0:
            raise _bomb(f"zip member {member} unpacks past the limit for this upload")


def _open_zip(data: bytes, budget: _Budget) -> zipfile.ZipFile:
    """The archive, once its central directory has passed the zip-bomb checks; nothing unpacked yet."""
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
    return archive


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
