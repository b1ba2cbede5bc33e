"""Document stores: the Store protocol and its backends (SQLite built in, PostgreSQL with the postgres extra)."""

from rathaus.store.base import ChunkRecord, DocumentRecord, Store

__all__ = ["ChunkRecord", "DocumentRecord", "Store"]
