"""Shared fixtures: a temporary store, a deterministic fake embedder (through the plugin path),
and the real OParl replay server from ../shared/tools."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from rathaus import plugins
from rathaus.config import Settings
from rathaus.embed.base import normalise
from rathaus.language.german import terms
from rathaus.store.sqlite import SQLiteStore
from rathaus.store.sqlitedb import SQLiteFile
from tests.store.pg import pg_database, pg_server, pg_url  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RATHAUS_SHARED_DIR", ROOT.parent / "shared"))
OPARL_SERVER = SHARED / "tools" / "oparl_server.py"


class FakeEmbedder:
    """Bag of hashed stems: texts sharing German stems get similar vectors. Deterministic and fast."""

    name = "fake/hashed-stems"
    dim = 64

    def __init__(self, settings: object = None) -> None:
        pass

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, dtype=np.float32)
        for t in terms(text):
            v[int(hashlib.md5(t.encode()).hexdigest(), 16) % self.dim] += 1.0
        if not v.any():
            v[0] = 1.0
        return v

    def embed_queries(self, texts: list[str]) -> np.ndarray:
        return normalise(np.stack([self._vec(t) for t in texts]))

    embed_passages = embed_queries


plugins.register_embedder("fake", FakeEmbedder)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", embedder="fake", embed_in_background=False,
                    oparl_backoff=0.01, oparl_rate_limit=0, oparl_timeout=10, lexical_cache="eager", vector_cache="eager")


@pytest.fixture
def store(settings: Settings) -> Iterator[SQLiteStore]:
    s = SQLiteStore.from_settings(settings)
    yield s
    s.close()


def _start_server(*args: str) -> tuple[subprocess.Popen, str]:
    if not OPARL_SERVER.exists():
        pytest.skip(f"the OParl replay server is missing ({OPARL_SERVER}); it lives in ../shared/tools")
    proc = subprocess.Popen([sys.executable, str(OPARL_SERVER), "--port", "0", "--print-url", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = proc.stdout.readline().strip()
    if not url.startswith("http"):
        proc.kill()
        raise RuntimeError(f"oparl_server did not start: {proc.stderr.read()}")
    return proc, url


@pytest.fixture
def oparl_server() -> Iterator[Callable[..., str]]:
    """Start ../shared/tools/oparl_server.py with the given arguments; returns its entry URL."""
    procs: list[subprocess.Popen] = []

    def start(*args: str) -> str:
        proc, url = _start_server(*args)
        procs.append(proc)
        return url

    yield start
    for proc in procs:
        proc.kill()
        proc.wait()


@pytest.fixture(params=["sqlite", "postgres"])
def small_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """Opens a small database of its own (accounts, audit, answers, workspace: store/smalldb.py) as a
    SQLite file and, in the second run, as a schema of a fresh PostgreSQL database."""
    opened: list[Any] = []

    def open_db(name: str, migrations: list[tuple[str, Any]]) -> Any:
        if request.param == "postgres":
            from rathaus.store.pgfile import PostgresFile

            db = PostgresFile(request.getfixturevalue("pg_url"), name, migrations)
        else:
            db = SQLiteFile(tmp_path / f"{name}.sqlite", migrations)
        opened.append(db)
        return db

    yield open_db
    for db in opened:
        db.close()
