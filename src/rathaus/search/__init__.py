"""Search: lexical and dense retrieval fused per document, with snippets."""
