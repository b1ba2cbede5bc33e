"""PostgreSQL plumbing for the store: reading the URL, connecting with errors a person can act on,
enabling pgvector, and the pool of connections the store works with.

Messages never repeat the URL, because it may carry a password (libpq's own parse errors quote it
whole). They name host, port, database and user instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg import errors as pgerrors
from psycopg.conninfo import conninfo_to_dict

from rathaus.errors import ConfigError, StoreError

MIN_PGVECTOR = (0, 8, 0)  # iterative index scans: filtered vector searches still return `limit` hits


class Target:
    """Where a URL points, printable without its password: ``Target(url).where`` is
    ``'host db.example port 5432, database rathaus, user rathaus'``."""

    def __init__(self, url: str) -> None:
        try:
            info = conninfo_to_dict(url) if url.strip() else None
        except psycopg.ProgrammingError:
            info = None
        if not info or not url.startswith(("postgresql://", "postgres://")):
            raise ConfigError("RATHAUS_DATABASE_URL is not a PostgreSQL URL; expected "
                              "postgresql://user:password@host:5432/database")
        if not str(info.get("port", "5432")).isdigit():
            raise ConfigError(f"RATHAUS_DATABASE_URL: the port {info['port']!r} is not a number")
        self.url = url
        self.password = str(info.get("password") or "")
        self.host = str(info.get("host") or "(default)")  # libpq's default: the local socket, or PGHOST
        self.port = int(info.get("port") or 5432)
        self.user = str(info.get("user") or "")
        self.database = str(info.get("dbname") or self.user)
        self.where = f"host {self.host} port {self.port}, database {self.database}" + (
            f", user {self.user}" if self.user else "")

    def scrub(self, message: str) -> str:
        """A server or driver message, safe to show: the password replaced (libpq never prints it,
        but a message echoing the connection string would)."""
        first = str(message).strip().splitlines()[0] if str(message).strip() else "no details"
        return first.replace(self.password, "***") if self.password else first


def connect(target: Target, timeout: float) -> psycopg.Connection:
    """One autocommit connection, or a StoreError that says which server did not answer."""
    try:
        return psycopg.connect(target.url, autocommit=True, connect_timeout=max(2, round(timeout)),
                               application_name="rathaus")
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to PostgreSQL at {target.where}: {target.scrub(exc)}",
                         user_message="Die Datenbank ist nicht erreichbar.") from exc


@contextmanager
def translated(target: Target) -> Iterator[None]:
    """Every driver error becomes a StoreError naming the server (the Store protocol raises StoreError)."""
    try:
        yield
    except pgerrors.OperationalError as exc:  # the server went away, restarted, or killed this session
        raise StoreError(f"lost the connection to PostgreSQL at {target.where}: {target.scrub(exc)}",
                         user_message="Die Datenbank ist gerade nicht erreichbar.") from exc
    except psycopg.Error as exc:
        raise StoreError(f"PostgreSQL at {target.where} refused the operation: {target.scrub(exc)}") from exc


def ensure_vector_extension(conn: Any, target: Target) -> None:
    """Enable pgvector in the database (idempotent), or say exactly what the operator has to do."""
    server = conn.info.server_version // 10000
    try:
        conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
    except pgerrors.InsufficientPrivilege as exc:
        raise StoreError(
            f"the pgvector extension is not enabled in database {target.database} and user {target.user or '?'} "
            f"may not enable it: connect as a superuser and run CREATE EXTENSION vector; in that database, "
            f"once ({target.where})") from exc
    except (pgerrors.FeatureNotSupported, pgerrors.UndefinedFile) as exc:
        raise StoreError(
            f"the pgvector extension is not installed on the PostgreSQL server at {target.where}: install it "
            f"(Debian/Ubuntu: apt install postgresql-{server}-pgvector; other systems: "
            f"https://github.com/pgvector/pgvector#installation), then start Rathaus again") from exc
    version = conn.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'").fetchone()[0]
    found = tuple(int(p) for p in version.split(".")[:3] if p.isdigit())
    if found < MIN_PGVECTOR:
        raise StoreError(
            f"pgvector {version} in database {target.database} is too old; Rathaus needs "
            f"{'.'.join(map(str, MIN_PGVECTOR))} or newer for filtered vector search: install a newer pgvector "
            f"and run ALTER EXTENSION vector UPDATE; in that database ({target.where})")
