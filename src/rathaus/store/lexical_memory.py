"""An in-memory BM25 index over the store's analysed chunk terms (bm25s), for millisecond lexical search.

FTS5 computes BM25 for every matching row, which costs about 100 ms per query at 40k chunks. bm25s
keeps precomputed term weights in a sparse matrix and answers in about a millisecond. The SQLite
file stays the only truth: this index is a cache built from a consistent snapshot of it, tagged
with the store's *lexical generation* (a counter every write that changes chunks increases). The
store uses the cache only while its generation is current, and falls back to FTS5 otherwise.

Access rules apply before ranking: the store passes the collections the caller may read (computed
by the same SQL as every other query), and chunks of other collections get weight zero, so they
are never ranked. A search may also be limited to some documents (the answer engine looks for the
best passages inside the best documents). Searches with other filters (type, date, organisation)
use FTS5.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from rathaus.documents import ChunkHit

log = logging.getLogger(__name__)
TITLE_REPEAT = 2  # title terms count twice, as the title column weighs twice in FTS5
# BM25 as Lucene scores it (bm25s's defaults, pinned here because the PostgreSQL store computes the same
# scores in SQL): idf = ln(1 + (N - df + 0.5) / (df + 0.5)), tf part = tf / (tf + k1 (1 - b + b len / avglen)).
BM25_K1 = 1.5
BM25_B = 0.75


def chunk_tokens(stored_terms: str) -> list[str]:
    """Tokens of a chunk from its stored 'title terms<TAB>body terms'."""
    title, _, body = stored_terms.partition("\t")
    return title.split() * TITLE_REPEAT + body.split()


class MemoryLexicalIndex:
    def __init__(self, generation: int, chunk_ids: np.ndarray, document_ids: list[str],
                 collection_codes: np.ndarray, collections: list[str], tokens: list[list[str]]) -> None:
        import bm25s

        self.generation = generation
        self.chunk_ids = chunk_ids
        self.document_ids = document_ids
        self.collection_codes = collection_codes
        self.collection_index = {name: i for i, name in enumerate(collections)}
        self.model = bm25s.BM25(k1=BM25_K1, b=BM25_B, method="lucene", idf_method="lucene")
        self.model.index(tokens or [[""]], show_progress=False)
        self.size = len(chunk_ids)
        self.positions: dict[str, list[int]] = {}  # document id -> its chunks' rows
        for i, doc_id in enumerate(document_ids):
            self.positions.setdefault(doc_id, []).append(i)

    @classmethod
    def build(cls, conn: Any, analyse: Callable[[int], str]) -> MemoryLexicalIndex:
        """Read a consistent snapshot (one read transaction) and index it. ``analyse`` fills in
        terms for chunks stored before terms were kept."""
        conn.execute("BEGIN")
        try:
            generation = int((conn.execute("SELECT value FROM meta WHERE key='lexical_generation'").fetchone()
                              or (0,))[0])
            rows = conn.execute("SELECT ch.id, ch.document_id, d.collection, ch.terms FROM chunks ch "
                                "JOIN documents d ON d.id = ch.document_id ORDER BY ch.id").fetchall()
        finally:
            conn.execute("COMMIT")
        collections = sorted({r[2] for r in rows})
        codes = {name: i for i, name in enumerate(collections)}
        tokens = [chunk_tokens(r[3] if r[3] is not None else analyse(r[0])) for r in rows]
        return cls(generation, np.array([r[0] for r in rows], dtype=np.int64), [r[1] for r in rows],
                   np.array([codes[r[2]] for r in rows], dtype=np.int32), collections, tokens)

    def search(self, terms: Sequence[str], collections: Sequence[str], limit: int,
               document_ids: Sequence[str] = ()) -> list[ChunkHit]:
        """Chunks of the given collections (and, if given, only of these documents), best first."""
        wanted = [self.collection_index[c] for c in collections if c in self.collection_index]
        if not wanted or not self.size or not terms:
            return []
        mask = np.isin(self.collection_codes, wanted).astype(np.float32)
        if document_ids:
            only = np.zeros(self.size, dtype=np.float32)
            only[[i for d in document_ids for i in self.positions.get(d, ())]] = 1.0
            mask *= only
        scores = self.model.get_scores(list(terms), weight_mask=mask)
        k = min(limit, int(np.count_nonzero(scores)))
        if k == 0:
            return []
        # Every chunk tied with the k-th best takes part, so that ties at the cut go by chunk id as well
        # (argpartition alone picks an arbitrary few of them).
        cut = scores[np.argpartition(-scores, k - 1)[k - 1]]
        top = np.flatnonzero(scores >= cut)
        top = top[np.lexsort((self.chunk_ids[top], -scores[top]))][:k]
        return [ChunkHit(chunk_id=int(self.chunk_ids[i]), document_id=self.document_ids[i], score=float(scores[i]),
                         rank=r + 1) for r, i in enumerate(top)]
