"""The Store protocol: documents, chunks, a German lexical index and a vector index.

Semantics every backend must keep (tests/contracts/test_store_contract.py checks them):

* **Identity and duplicates.** A document is identified by its ``id``. ``upsert_document``
  replaces the document and all its chunks (and their vectors) atomically; the same
  document stored twice leaves one copy. When the content hash is unchanged it does nothing
  and returns False, so unchanged documents keep their vectors.
* **Deletes.** ``delete_document`` removes the document, its chunks, their index entries and
  vectors in one transaction. Deleting a missing id returns False, never raises.
* **Access.** Every read takes an ``Access`` and applies it *inside the query*:
  a collection is visible when it is ``offen``; or ``intern`` and the caller is authenticated
  and (the collection has no access groups or shares one with the caller's expanded groups);
  or ``vertraulich`` and it shares an access group with the caller. Admins see everything.
  Invisible documents behave exactly like missing ones (``NotFound``, not counted, never ranked).
* **Filters.** ``SearchFilters``: ``types`` (any of), ``date_from``/``date_to`` (inclusive ISO
  dates on the document date), ``organization`` (exact id or name of a linked organisation),
  ``body``, ``collections`` (any of), ``document_ids`` (any of). All filters are ANDed.
* **Lexical search** takes analysed terms (``rathaus.language.german.query_terms``), ORs them,
  and ranks by BM25 with the title weighted above the text. Scores: higher is better. A backend
  may ignore terms that occur in a large share of all chunks (they barely change the ranking and
  dominate the cost), but never all of a query's terms.
* **Vector search** ranks chunks that have a vector of the given model by cosine similarity
  (higher is better). Chunks without a vector are simply not candidates.
* **Errors.** ``NotFound`` for missing or invisible ids; ``StoreError`` for refused writes
  (for example an unknown collection).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from rathaus.documents import Access, Chunk, ChunkHit, Collection, Document, SearchFilters


@dataclass
class DocumentRecord:
    id: str
    collection: str
    classification: str
    type: str
    title: str
    reference: str | None
    date: str | None
    organizations: list[str]
    meeting_date: str | None
    result: str | None
    web_url: str | None
    source_url: str | None
    body: str | None
    modified: str | None
    content_hash: str
    metadata: dict[str, Any] = field(default_factory=dict)
    chunk_count: int = 0


@dataclass
class ChunkRecord:
    id: int
    document_id: str
    ord: int
    text: str
    page: int | None
    section: str | None
    file_id: str | None
    file_name: str | None
    lead: bool
    text_hash: str
    document: DocumentRecord | None = None


@runtime_checkable
class Store(Protocol):
    # collections
    def ensure_collection(self, collection: Collection) -> Collection: ...
    def get_collection(self, name: str) -> Collection: ...
    def list_collections(self, access: Access) -> list[Collection]: ...

    # documents
    def upsert_document(self, document: Document, chunks: Sequence[Chunk]) -> bool: ...
    def delete_document(self, document_id: str) -> bool: ...
    def get_document(self, document_id: str, access: Access) -> DocumentRecord: ...
    def list_documents(self, access: Access, filters: SearchFilters | None = None,
                       offset: int = 0, limit: int = 50) -> list[DocumentRecord]: ...
    def count_documents(self, access: Access, filters: SearchFilters | None = None) -> int: ...
    def document_ids(self, collection: str) -> set[str]: ...
    def get_chunk(self, chunk_id: int, access: Access) -> ChunkRecord: ...
    def get_chunks(self, chunk_ids: Sequence[int], access: Access) -> dict[int, ChunkRecord]: ...
    def document_chunks(self, document_id: str, access: Access) -> list[ChunkRecord]: ...

    # retrieval
    def lexical_search(self, terms: Sequence[str], access: Access,
                       filters: SearchFilters | None = None, limit: int = 100) -> list[ChunkHit]: ...
    def term_frequencies(self, terms: Sequence[str]) -> tuple[dict[str, int], int]:
        """Chunks containing each analysed term, and the number of chunks (IDF for answer checks)."""
        ...
    def vector_search(self, vector: Sequence[float], model: str, access: Access,
                      filters: SearchFilters | None = None, limit: int = 100) -> list[ChunkHit]: ...

    # vectors
    def chunks_to_embed(self, model: str, scope: str, limit: int) -> list[tuple[int, str]]: ...
    def put_vectors(self, model: str, items: Iterable[tuple[int, Sequence[float]]]) -> int: ...
    def vector_progress(self, model: str, scope: str, access: Access | None = None) -> tuple[int, int]: ...

    def stats(self) -> dict[str, Any]: ...
    def close(self) -> None: ...
