"""Embedders: the Embedder protocol, the packaged model, an OpenAI-compatible client."""
