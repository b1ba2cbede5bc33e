"""Ingestion: text extraction, structure-aware chunking, the indexing pipeline."""
