"""What every backend derives from a document when it stores it, computed once here so that all
backends index the same thing: the content hash that decides whether anything changed, each chunk's
analysed terms (title side and body side), and the text the embedder sees for a chunk."""

from __future__ import annotations

from collections.abc import Sequence

from rathaus.documents import Chunk, Document, sha256
from rathaus.language.german import index_text


def content_hash(document: Document, chunks: Sequence[Chunk]) -> str:
    """The document's hash including its chunks: a new chunker setting re-indexes the document."""
    return sha256(document.content_hash() + "\x1e" + "\x1f".join(
        f"{c.ord}:{c.page}:{c.section}:{c.lead}:{c.text}" for c in chunks))


def chunk_terms(document: Document, chunks: Sequence[Chunk]) -> list[tuple[str, str]]:
    """Each chunk's analysed (title terms, body terms). The title side holds the document's title and
    reference and the chunk's file name and section; it weighs more in the ranking."""
    doc_terms = index_text(" ".join(filter(None, [document.title, document.reference])))
    out = []
    for chunk in chunks:
        title_terms = f"{doc_terms} {index_text(' '.join(filter(None, [chunk.file_name, chunk.section])))}"
        out.append((title_terms.strip(), index_text(chunk.text)))
    return out


def embedding_text(title: str, reference: str | None, file_name: str | None, section: str | None, text: str) -> str:
    """What the embedder sees for a chunk: its document's title and position, then the text."""
    head = " · ".join(filter(None, [title, reference, file_name, section]))
    return f"{head}\n{text}" if head else text
