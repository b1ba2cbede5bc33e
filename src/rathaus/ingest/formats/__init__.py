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

Where things live: ``upload`` (``extract_upload``: size checks, dispatch, clean-up of the
result), ``detect`` (the format from the content), ``archive`` (the unpacking budget, bounded zip
members, defused XML), one module per reader (``pdf``, ``office`` for DOCX and ODT, ``web`` for
HTML, ``text`` for Markdown and plain text, ``mail``), ``common`` (the result type, the section
builder, text clean-up) and ``errors``.
"""

from rathaus.ingest.formats.archive import (
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_UNPACKED,
    MAX_XML_PART,
    RATIO_MIN_SIZE,
    UNPACK_FACTOR,
)
from rathaus.ingest.formats.common import UploadText
from rathaus.ingest.formats.detect import FORMATS
from rathaus.ingest.formats.errors import (
    CorruptFile,
    EmptyDocument,
    EncryptedFile,
    TooLarge,
    UnsupportedFormat,
)
from rathaus.ingest.formats.pdf import MAX_PDF_PAGES
from rathaus.ingest.formats.upload import extract_upload

__all__ = [
    "extract_upload", "UploadText", "FORMATS",
    "CorruptFile", "EmptyDocument", "EncryptedFile", "TooLarge", "UnsupportedFormat",
    "MAX_MEMBERS", "MAX_PDF_PAGES", "MAX_RATIO", "MAX_UNPACKED", "MAX_XML_PART", "RATIO_MIN_SIZE",
    "UNPACK_FACTOR",
]
