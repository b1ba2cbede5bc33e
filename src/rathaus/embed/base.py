"""The Embedder protocol.

An embedder turns texts into unit-length float vectors of a fixed size. Queries and
passages are embedded separately, because asymmetric models (e5) prefix them
differently. ``name`` identifies the vector space: vectors of different names are
never compared, and switching the embedder re-embeds from scratch.

Errors: ``EmbedderError`` when the model cannot be loaded or the server fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Embedder(Protocol):
    name: str
    dim: int

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray: ...
    def embed_passages(self, texts: Sequence[str]) -> np.ndarray: ...


class NoEmbedder:
    """Lexical search only: no vectors are computed or searched."""

    name = "none"
    dim = 0

    def __init__(self, settings: Any = None) -> None:
        pass

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return np.zeros((len(texts), 0), dtype=np.float32)

    embed_passages = embed_queries


def normalise(vectors: np.ndarray) -> np.ndarray:
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)
