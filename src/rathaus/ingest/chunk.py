"""Structure-aware chunking: split at headings, numbered sections, pages and files.

A chunk never spans two files or two pages, so every chunk can cite one page. Within a
page, paragraphs are packed up to ``target`` characters; a heading or numbered section
("2.1 Varianten", "Begründung") starts a new chunk once the current one is half full. A
paragraph longer than ``target`` is cut at sentence ends, with ``overlap`` characters of
context carried over. A passage with a ``section`` of its own (a service description's
"Unterlagen") gives that section to all its chunks; headings inside it still start new chunks.

    >>> doc = Document("d1", "c", "Paper", "Titel", passages=[Passage("1. Anlass\\n\\nText.")])
    >>> [c.section for c in chunk_document(doc)]
    ['1. Anlass']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rathaus.documents import Chunk, Document, Passage  # noqa: F401 - Passage for the doctest

_PARA_SPLIT = re.compile(r"\n[ \t\u00a0]*\n\s*")
_NUMBERED = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[IVX]{1,4}\.|[a-h]\))\s+[^\s\d].{0,70}$")
_DATE_START = re.compile(r"^\d{1,2}\.\s*(?:Jan|Feb|Mär|Apr|Mai|Jun|Jul|Aug|Sep|Okt|Nov|Dez)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9„\"(])")
HEADING_WORDS = (
    "beschlussantrag", "beschlussvorschlag", "beschluss", "kurzfassung", "sachverhalt", "begründung",
    "finanzielle auswirkungen", "antrag", "anfrage", "antwort", "stellungnahme", "ergebnis", "klimarelevanz",
    "anlagen", "anlage", "ausgangslage", "zusammenfassung", "beratungsfolge", "tagesordnung", "fazit",
    "sachstand", "erläuterung", "hintergrund", "vorbemerkung", "ausblick", "kosten", "finanzierung",
)


@dataclass
class _Block:
    text: str
    heading: bool


def is_heading(line: str) -> bool:
    line = line.strip()
    if not line or len(line) > 100 or "\n" in line:
        return False
    if line.startswith("#"):
        return True
    if _NUMBERED.match(line) and not _DATE_START.match(line) and not line.endswith((",", ";")):
        return True
    low = line.lower().rstrip(":").strip()
    return any(low == w or (low.startswith(w + " ") and len(low) <= 60) for w in HEADING_WORDS)


def _clean(paragraph: str) -> str:
    lines = [ln.strip() for ln in paragraph.splitlines()]
    return "\n".join(ln for ln in lines if ln)


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    for para in _PARA_SPLIT.split(text):
        para = _clean(para)
        if not para:
            continue
        first, _, rest = para.partition("\n")
        if rest and is_heading(first):
            blocks.append(_Block(first.lstrip("# "), True))
            blocks.append(_Block(rest, False))
        else:
            blocks.append(_Block(para.lstrip("# ") if is_heading(para) else para, is_heading(para)))
    return blocks


def _split_long(text: str, target: int, overlap: int) -> list[str]:
    sentences = _SENTENCE_END.split(text)
    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        while len(sentence) > target:  # a "sentence" with no end, e.g. a table
            cut = sentence.rfind(" ", 0, target)
            cut = cut if cut > target // 2 else target
            sentence, head = sentence[cut:].lstrip(), sentence[:cut]
            if current:
                pieces.append(current)
                current = ""
            pieces.append(head)
        if current and len(current) + 1 + len(sentence) > target:
            pieces.append(current)
            tail = current[-overlap:] if overlap else ""
            tail = tail[tail.find(" ") + 1:] if " " in tail else tail
            current = f"{tail} {sentence}".strip() if overlap else sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        pieces.append(current)
    return pieces


def _pieces(text: str, target: int, overlap: int) -> list[tuple[str, str | None]]:
    """(text, section) pieces of one passage: blocks packed up to ``target``, new at headings."""
    pieces: list[tuple[str, str | None]] = []
    buf: list[str] = []
    size = 0
    section: str | None = None
    buf_section: str | None = None
    for block in _blocks(text):
        if block.heading:
            if size >= target // 2:
                pieces.append(("\n\n".join(buf), buf_section))
                buf, size = [], 0
            section = block.text[:120]
        if not buf:
            buf_section = section
        if len(block.text) > target:
            if buf:
                pieces.append(("\n\n".join(buf), buf_section))
                buf, size = [], 0
            pieces += [(piece, section) for piece in _split_long(block.text, target, overlap)]
            continue
        if size and size + len(block.text) + 2 > target:
            pieces.append(("\n\n".join(buf), buf_section))
            buf, size, buf_section = [], 0, section
        buf.append(block.text)
        size += len(block.text) + 2
    if buf:
        pieces.append(("\n\n".join(buf), buf_section))
    return pieces


def chunk_document(document: Document, target: int = 1200, overlap: int = 150) -> list[Chunk]:
    """Cut a document's passages into chunks. The first chunk is the document's lead."""
    chunks: list[Chunk] = []
    for passage in document.passages:
        for text, section in _pieces(passage.text, target, overlap):
            text = text.strip()
            if text:
                chunks.append(Chunk(document.id, len(chunks), text, passage.page, passage.section or section,
                                    passage.file_id, passage.file_name, lead=not chunks))
    return chunks
